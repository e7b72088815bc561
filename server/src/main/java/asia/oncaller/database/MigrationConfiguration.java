package asia.oncaller.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Lets Flyway's migrations run as long as they take: they go through the application's pool,
 * whose short socket timeout would cut a long statement (an index built on a large table) and
 * fail the start. Nothing waits on a migration but the start itself.
 */
@Configuration(proxyBeanMethods = false)
class MigrationConfiguration {

	@Bean
	FlywayConfigurationCustomizer migrationsWaitAsLongAsTheyTake() {
		return (configuration) -> configuration.dataSource(new DelegatingDataSource(configuration.getDataSource()) {

			@Override
			public Connection getConnection() throws SQLException {
				Connection connection = super.getConnection();
				LongReads.allow(connection, Duration.ZERO);
				return connection;
			}

		});
	}

}
