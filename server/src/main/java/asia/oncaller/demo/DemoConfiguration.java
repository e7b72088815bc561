package asia.oncaller.demo;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the demo tenant at start-up. Like every demo bean it exists only while demo mode is on,
 * so that {@code /demo/token} is absent (404) otherwise.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoModeCondition.class)
class DemoConfiguration {

	@Bean
	ApplicationRunner demoTenantRunner(DemoTenantLoader loader) {
		return (args) -> loader.describe(loader.loadOnce());
	}

}
