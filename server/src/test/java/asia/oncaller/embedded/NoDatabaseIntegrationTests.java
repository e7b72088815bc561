package asia.oncaller.embedded;

import asia.oncaller.OnCallerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The packaged jar in miniature: with no database configured and no embedded PostgreSQL (the jar
 * has none; here it is switched off), the server stops at once and names the setting it lacks,
 * an empty {@code SPRING_DATASOURCE_URL} counting as none.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoDatabaseIntegrationTests {

	@Test
	void startWithoutADatabaseNamesTheSettingToSet(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(OnCallerApplication.class).web(WebApplicationType.NONE)
				.run("--spring.datasource.url=", "--oncaller.embedded-postgres.enabled=false",
						"--oncaller.demo.enabled=false", "--oncaller.sip.enabled=false"));

		assertThat(output).contains(NoDatabaseException.MESSAGE)
			.doesNotContain("H2, HSQL or Derby");
	}

}
