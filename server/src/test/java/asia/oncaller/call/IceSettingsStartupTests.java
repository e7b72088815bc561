package asia.oncaller.call;

import java.time.Clock;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The ICE settings as Spring binds them at start-up, with what the operator reads in the log:
 * bad TURN settings stop the start with a message naming the setting, and neither a failed nor
 * a successful start prints the shared secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class IceSettingsStartupTests {

	private static final String SECRET = "s3cr3t-turn-shared-w1th-coturn";

	@Test
	void turnIsOffWithoutASecretAndSaysSoWhenUrlsAreSet(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start("oncaller.ice.turn.urls=turn:127.0.0.1:3478")) {
			assertThat(context.getBean(IceServers.class).forUser("alice")).isEmpty();
		}
		assertThat(output).contains("no TURN server is handed out");
	}

	@Test
	void startUpWithASecretNamesTheUrlsAndLifetimeButNotTheSecret(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start("oncaller.ice.turn.urls=turn:127.0.0.1:3478",
				"oncaller.ice.turn.secret=" + SECRET, "oncaller.ice.turn.lifetime=10m")) {
			assertThat(context.getBean(IceServers.class).forUser("alice")).hasSize(1);
		}
		assertThat(output).contains("TURN: credentials minted per user for [turn:127.0.0.1:3478], valid PT10M")
			.doesNotContain(SECRET);
	}

	@Test
	void aStaticTurnPasswordIsStillHandedOutButTheStartWarnsWithoutPrintingIt(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start("oncaller.ice.servers[0].urls[0]=turn:127.0.0.1:3478",
				"oncaller.ice.servers[0].username=everyone", "oncaller.ice.servers[0].credential=" + SECRET)) {
			assertThat(context.getBean(IceServers.class).forUser("alice")).singleElement()
				.extracting(IceServer::credential)
				.isEqualTo(SECRET);
		}
		assertThat(output).contains("oncaller.ice.servers holds a static credential").doesNotContain(SECRET);
	}

	@Test
	void aSecretWithoutUrlsStopsTheStartWithoutPrintingTheSecret(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("oncaller.ice.turn.secret=" + SECRET).close());
		assertThat(output).contains("oncaller.ice.turn.secret is set but oncaller.ice.turn.urls is empty")
			.doesNotContain(SECRET);
	}

	@Test
	void aLifetimeOfZeroStopsTheStartWithoutPrintingTheSecret(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("oncaller.ice.turn.urls=turn:127.0.0.1:3478",
				"oncaller.ice.turn.secret=" + SECRET, "oncaller.ice.turn.lifetime=0s").close());
		assertThat(output).contains("oncaller.ice.turn.lifetime must be positive").doesNotContain(SECRET);
	}

	/** Starts with the settings as command-line arguments, above application.yaml as in production. */
	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(IceOnly.class).web(WebApplicationType.NONE)
			.run(Arrays.stream(properties).map((property) -> "--" + property).toArray(String[]::new));
	}

	/** Only the ICE settings and the class that uses them. */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(IceProperties.class)
	@Import(IceServers.class)
	static class IceOnly {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
