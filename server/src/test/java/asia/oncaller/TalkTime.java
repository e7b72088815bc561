package asia.oncaller;

import java.time.Duration;
import java.util.Collection;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Billable talk time for tests, without waiting for it: answered calls are moved back in time,
 * as if answered {@code ago} earlier, so that ending them now bills that much more.
 */
public final class TalkTime {

	private TalkTime() {
	}

	public static void talkedFor(JdbcTemplate jdbc, Duration ago, Collection<String> callIds) {
		for (String callId : callIds) {
			int moved = jdbc.update("""
					UPDATE call SET answered_at = answered_at - make_interval(secs => ?)
					WHERE id = ? AND status = 'ANSWERED'""", ago.toMillis() / 1000.0, callId);
			if (moved != 1) {
				throw new IllegalStateException("call " + callId + " is not answered");
			}
		}
	}

}
