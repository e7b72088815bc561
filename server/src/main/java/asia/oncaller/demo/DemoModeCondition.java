package asia.oncaller.demo;

import asia.oncaller.embedded.NoExternalDatabaseCondition;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Demo mode is what {@code oncaller.demo.enabled} says; unset, it follows the database: on
 * with the embedded default, off with a configured {@code spring.datasource.url}.
 */
class DemoModeCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Boolean explicit = context.getEnvironment().getProperty("oncaller.demo.enabled", Boolean.class);
		if (explicit != null) {
			return new ConditionOutcome(explicit, "oncaller.demo.enabled is " + explicit);
		}
		return NoExternalDatabaseCondition.isNoExternalDatabase(context.getEnvironment())
				? ConditionOutcome.match("no external database: demo mode follows the embedded default")
				: ConditionOutcome.noMatch("an external database is configured");
	}

}
