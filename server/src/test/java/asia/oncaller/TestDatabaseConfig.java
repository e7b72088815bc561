package asia.oncaller;

import asia.oncaller.embedded.EmbeddedPostgresAutoConfiguration;
import asia.oncaller.embedded.NoExternalDatabaseCondition;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The test database, chosen in this order: an explicit {@code spring.datasource.url} (CI sets
 * one for the machine's PostgreSQL); a Testcontainers PostgreSQL when Docker is available; else
 * the embedded PostgreSQL, a real server started in-process. No test is skipped for lack of
 * Docker. Slices such as {@code @DataJpaTest} do not load every auto-configuration, hence the
 * explicit import of the embedded one.
 */
@TestConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration(EmbeddedPostgresAutoConfiguration.class)
public class TestDatabaseConfig {

	@Bean
	@ServiceConnection
	@Conditional(DockerAvailable.class)
	PostgreSQLContainer postgresContainer() {
		return new PostgreSQLContainer("postgres:16-alpine");
	}

	static final class DockerAvailable implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return NoExternalDatabaseCondition.isNoExternalDatabase(context.getEnvironment())
					&& DockerClientFactory.instance().isDockerAvailable();
		}

	}

}
