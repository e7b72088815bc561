package asia.oncaller.common;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link Clock} of the application, in UTC. Code that decides by time (token expiry,
 * ring timeouts) takes it as a constructor argument rather than calling {@code Instant.now()},
 * so that unit tests can hand it a fixed clock.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
