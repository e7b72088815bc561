package asia.oncaller.call;

import java.util.Optional;

import asia.oncaller.tenant.Project;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import org.springframework.stereotype.Component;

/**
 * What a new call's admission reads before its answer_url is asked, in one statement and outside
 * any transaction: the account's call limits, how many of its calls are live (only a quick look,
 * see {@link CallLimits#refusal}) and the project whose answer_url and signing secret the call
 * uses. One statement reads one snapshot by itself; a transaction around it would only add its
 * {@code BEGIN} and {@code COMMIT}, and separate reads a round trip each.
 */
@Component
class AdmissionReader {

	@PersistenceContext
	private EntityManager entityManager;

	/**
	 * The account's limits and live calls, and the project (empty when it is unknown).
	 * @throws java.util.NoSuchElementException if the account is unknown
	 */
	AdmissionRead read(String accountId, String projectId) {
		NativeQuery<?> query = this.entityManager.createNativeQuery("""
				SELECT p.*, a.call_attempts_per_second AS attempts_setting, a.calls_at_once AS at_once_setting,
				  (SELECT count(*) FROM call c WHERE c.account_id = a.id
				    AND c.status IN ('CALLING', 'RINGING', 'ANSWERED')) AS live_calls
				FROM account a LEFT JOIN project p ON p.id = :project
				WHERE a.id = :account""")
			.unwrap(NativeQuery.class)
			.addEntity(Project.class)
			.addScalar("attempts_setting", StandardBasicTypes.INTEGER)
			.addScalar("at_once_setting", StandardBasicTypes.INTEGER)
			.addScalar("live_calls", StandardBasicTypes.LONG)
			.setParameter("account", accountId)
			.setParameter("project", projectId);
		Object[] row = (Object[]) query.getResultList().stream().findFirst().orElseThrow();
		return new AdmissionRead(new CallLimits.AccountCalls((Integer) row[1], (Integer) row[2], (Long) row[3]),
				Optional.ofNullable((Project) row[0]));
	}

	/** The account's call limits and live calls, and the project. */
	record AdmissionRead(CallLimits.AccountCalls calls, Optional<Project> project) {
	}

}
