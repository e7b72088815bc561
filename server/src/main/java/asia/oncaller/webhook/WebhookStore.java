package asia.oncaller.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox table as the dispatcher sees it. Claiming takes due events with
 * {@code FOR UPDATE SKIP LOCKED} and leases them, so that nodes never deliver one event at the
 * same time; an event waits while an earlier one of its call is still pending, which keeps
 * per-call order.
 */
@Component
class WebhookStore {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	/** Longer than any delivery may take: a node that dies mid-delivery frees its events after it. */
	private final Duration lease;

	WebhookStore(JdbcTemplate jdbc, Clock clock, WebhookProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.lease = properties.requestTimeout().multipliedBy(2);
	}

	/** An event taken for delivery. */
	record Claim(long id, String eventId, String url, String payload, int attempts, Instant createdAt,
			String signingSecret) {
	}

	@Transactional
	List<Claim> claimDue(int limit) {
		Instant now = this.clock.instant();
		List<Claim> claims = this.jdbc.query("""
				SELECT e.id, e.event_id, e.url, e.payload, e.attempts, e.created_at, p.signing_secret
				FROM webhook_event e JOIN project p ON p.id = e.project_id
				WHERE e.status = 'PENDING' AND e.next_attempt_at <= ?
				  AND NOT EXISTS (SELECT 1 FROM webhook_event earlier WHERE earlier.call_id = e.call_id
				    AND earlier.sequence < e.sequence AND earlier.status = 'PENDING')
				ORDER BY e.next_attempt_at
				LIMIT ?
				FOR UPDATE OF e SKIP LOCKED""",
				(rs, row) -> new Claim(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5) + 1,
						rs.getTimestamp(6).toInstant(), rs.getString(7)),
				Timestamp.from(now), limit);
		for (Claim claim : claims) {
			this.jdbc.update("UPDATE webhook_event SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?",
					Timestamp.from(now.plus(this.lease)), claim.id());
		}
		return claims;
	}

	void delivered(long id, int statusCode) {
		this.jdbc.update(
				"UPDATE webhook_event SET status = 'DELIVERED', last_status_code = ?, delivered_at = ?, last_error = NULL"
						+ " WHERE id = ?",
				statusCode, Timestamp.from(this.clock.instant()), id);
	}

	/** The endpoint answered 410 Gone: it wants no more events. */
	void stopped(long id) {
		this.jdbc.update("UPDATE webhook_event SET status = 'STOPPED', last_status_code = 410 WHERE id = ?", id);
	}

	void failed(long id, Integer statusCode, String error, Instant retryAt) {
		this.jdbc.update("""
				UPDATE webhook_event SET next_attempt_at = ?, last_status_code = ?, last_error = ? WHERE id = ?""",
				Timestamp.from(retryAt), statusCode, truncate(error), id);
	}

	void gaveUp(long id, Integer statusCode, String error) {
		this.jdbc.update(
				"UPDATE webhook_event SET status = 'GAVE_UP', last_status_code = ?, last_error = ? WHERE id = ?",
				statusCode, truncate(error), id);
	}

	private static String truncate(String error) {
		return (error != null && error.length() > 300) ? error.substring(0, 300) : error;
	}

}
