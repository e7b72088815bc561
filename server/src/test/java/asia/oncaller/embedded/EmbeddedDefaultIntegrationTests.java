package asia.oncaller.embedded;

import java.nio.file.Path;

import asia.oncaller.OnCallerApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command in miniature: with no database configured the server starts its own
 * PostgreSQL with data in a folder, loads the demo tenant, and a second start on the same folder
 * finds the data and adds nothing.
 */
class EmbeddedDefaultIntegrationTests {

	@TempDir
	Path dataDirectory;

	@Test
	void secondStartKeepsTheDataAndDoesNotDuplicateTheDemoTenant() {
		try (ConfigurableApplicationContext first = start()) {
			assertThat(first.getBean(EmbeddedPostgres.class)).isNotNull();
			assertThat(demoRows(first)).isEqualTo(1 + 2 + 1);
		}
		try (ConfigurableApplicationContext second = start()) {
			assertThat(demoRows(second)).isEqualTo(1 + 2 + 1);
		}
	}

	private ConfigurableApplicationContext start() {
		// Blank values override CI's SPRING_DATASOURCE_URL and the test default of no demo.
		return new SpringApplicationBuilder(OnCallerApplication.class).run("--spring.datasource.url=",
				"--oncaller.demo.enabled=", "--oncaller.embedded-postgres.data-directory=" + this.dataDirectory,
				"--oncaller.embedded-postgres.port=0", "--server.port=0");
	}

	/** The demo account, its numbers and its ledger rows. */
	private Integer demoRows(ConfigurableApplicationContext context) {
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		return jdbc.queryForObject("""
				select (select count(*) from account)
				     + (select count(*) from phone_number)
				     + (select count(*) from balance_transaction)""", Integer.class);
	}

}
