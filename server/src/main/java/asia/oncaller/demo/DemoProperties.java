package asia.oncaller.demo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of demo mode.
 *
 * @param enabled on or off; when unset, on exactly when no {@code spring.datasource.url} is
 * configured (the embedded database serves)
 * @param baseUrl how this server is reached from itself, for the demo project's answer_url;
 * unset, {@code http://127.0.0.1:<the port it listens on>}
 * @param tokenTtl how long the tokens of {@code /demo/token} live
 */
@ConfigurationProperties("oncaller.demo")
record DemoProperties(Boolean enabled, String baseUrl,
		@DefaultValue("1h") Duration tokenTtl) {

}
