package asia.oncaller.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a start with no database into the one line that says which setting to give. */
class NoDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<NoDatabaseException> {

	static final String ACTION = "Set SPRING_DATASOURCE_URL, or run from the sources with "
			+ "`./mvnw -pl server -am spring-boot:run`, which starts an embedded PostgreSQL.";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoDatabaseException cause) {
		return new FailureAnalysis(cause.getMessage(), ACTION, cause);
	}

}
