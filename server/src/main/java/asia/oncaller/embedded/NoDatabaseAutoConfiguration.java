package asia.oncaller.embedded;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Stops a start that has no database before Spring looks for one by itself. The packaged jar
 * carries no embedded PostgreSQL (only {@code spring-boot:run} and the tests do), so
 * {@code java -jar} without {@code SPRING_DATASOURCE_URL} would otherwise end with Spring's advice
 * about H2, HSQL and Derby, none of which this server can use; {@link NoDatabaseFailureAnalyzer}
 * says instead which setting to give. An empty {@code SPRING_DATASOURCE_URL} counts as none.
 */
@AutoConfiguration(after = EmbeddedPostgresAutoConfiguration.class,
		beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		afterName = "org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration")
@Conditional(NoExternalDatabaseCondition.class)
@ConditionalOnMissingBean(JdbcConnectionDetails.class)
public class NoDatabaseAutoConfiguration {

	@Bean
	JdbcConnectionDetails noDatabase() {
		throw new NoDatabaseException();
	}

}
