package asia.oncaller.call;

import java.util.Optional;

import asia.oncaller.tenant.CallingProject;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a new call's admission reads before its answer_url is asked, in one statement over plain
 * JDBC and outside any transaction: the account's call limits and currency, how many of its calls are live
 * (only a quick look, see {@link CallLimits#refusal}) and what the call needs of the project
 * whose answer_url and signing secret it uses. One statement reads one snapshot by itself; a
 * transaction around it would only add its {@code BEGIN} and {@code COMMIT}, separate reads a
 * round trip each, and a JPA query a persistence context and a managed entity.
 */
@Component
class AdmissionReader {

	private static final String READ = """
			SELECT p.id, p.answer_url, p.event_url, p.signing_secret, p.client_chosen_caller_names,
			  a.call_attempts_per_second, a.calls_at_once, a.currency,
			  (SELECT count(*) FROM call c WHERE c.account_id = a.id
			    AND c.status IN ('CALLING', 'RINGING', 'ANSWERED')) AS live_calls
			FROM account a LEFT JOIN project p ON p.id = ?
			WHERE a.id = ?""";

	private final JdbcTemplate jdbc;

	AdmissionReader(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The account's limits and live calls, and the project (empty when it is unknown).
	 * @throws java.util.NoSuchElementException if the account is unknown
	 */
	AdmissionRead read(String accountId, String projectId) {
		return this.jdbc.query(READ, (rs, row) -> {
			String id = rs.getString(1);
			CallingProject project = (id != null)
					? new CallingProject(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)) : null;
			return new AdmissionRead(new CallLimits.AccountCalls(rs.getObject(6, Integer.class),
					rs.getObject(7, Integer.class), rs.getLong(9)), rs.getString(8), Optional.ofNullable(project));
		}, projectId, accountId).stream().findFirst().orElseThrow();
	}

	/**
	 * The account's call limits and live calls, its currency (which never changes: a new call is
	 * priced in it), and the project.
	 */
	record AdmissionRead(CallLimits.AccountCalls calls, String currency, Optional<CallingProject> project) {
	}

}
