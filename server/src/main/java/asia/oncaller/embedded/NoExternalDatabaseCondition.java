package asia.oncaller.embedded;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when no external database is configured through {@code spring.datasource.url}. */
public class NoExternalDatabaseCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return isNoExternalDatabase(context.getEnvironment())
				? ConditionOutcome.match("spring.datasource.url is not set")
				: ConditionOutcome.noMatch("spring.datasource.url is set");
	}

	/** Whether the environment leaves the database to the embedded default. */
	public static boolean isNoExternalDatabase(Environment environment) {
		String url = environment.getProperty("spring.datasource.url");
		return url == null || url.isBlank();
	}

}
