package asia.oncaller.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The delivery state of a call's events, for {@code GET /v1/calls/{callId}/events}. */
@Component
public class WebhookDeliveries {

	private final JdbcTemplate jdbc;

	WebhookDeliveries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The call's events in sequence order; the caller has checked that the call is visible. */
	public List<WebhookDelivery> forCall(String callId) {
		return this.jdbc.query("""
				SELECT event_id, type, sequence, status, attempts, last_status_code, last_error, created_at,
				  next_attempt_at, delivered_at
				FROM webhook_event WHERE call_id = ? ORDER BY sequence""",
				(rs, row) -> new WebhookDelivery(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
						rs.getInt(5), (Integer) rs.getObject(6), rs.getString(7), instant(rs.getTimestamp(8)),
						"PENDING".equals(rs.getString(4)) ? instant(rs.getTimestamp(9)) : null,
						instant(rs.getTimestamp(10))),
				callId);
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
