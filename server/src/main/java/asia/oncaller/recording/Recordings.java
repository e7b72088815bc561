package asia.oncaller.recording;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code recording} table through a recording's life: each step moves it forward only from the
 * state before, so a step that comes twice (an event delivered again) or late changes nothing.
 */
@Component
class Recordings {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	Recordings(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What a recording needs to be made. */
	record Plan(String id, String callId, String accountId, String projectId, String format, boolean stereo,
			String eventUrl, String status, String callerPorts) {
	}

	void insertPending(String id, String callId, String accountId, String projectId, String kind, String format,
			boolean stereo, String eventUrl) {
		this.jdbc.update("""
				INSERT INTO recording (id, call_id, account_id, project_id, kind, format, stereo, event_url, status,
				  created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?) ON CONFLICT (call_id) DO NOTHING""", id,
				callId, accountId, projectId, kind, format, stereo, eventUrl, Timestamp.from(this.clock.instant()));
	}

	/**
	 * A {@code recordMessage} of the call starts now: its row, RECORDING at once (the server
	 * itself records it, no media server is asked).
	 * @return the plan, or empty when the call has a recording already (one per call)
	 */
	Optional<Plan> insertMessage(String id, String callId, String accountId, String projectId, String format,
			String eventUrl) {
		int inserted = this.jdbc.update("""
				INSERT INTO recording (id, call_id, account_id, project_id, kind, format, stereo, event_url, status,
				  created_at) VALUES (?, ?, ?, ?, 'recordMessage', ?, false, ?, 'RECORDING', ?)
				ON CONFLICT (call_id) DO NOTHING""", id, callId, accountId, projectId, format, eventUrl,
				Timestamp.from(this.clock.instant()));
		return (inserted == 1)
				? Optional.of(new Plan(id, callId, accountId, projectId, format, false, eventUrl, "RECORDING", null))
				: Optional.empty();
	}

	/** The call's {@code record} recording (its {@code recordMessage} is the runner's own). */
	Optional<Plan> planOf(String callId) {
		return this.jdbc
			.query("SELECT id, call_id, account_id, project_id, format, stereo, event_url, status, caller_ports"
					+ " FROM recording WHERE call_id = ? AND kind = 'record'",
					(rs, row) -> new Plan(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getString(8), rs.getString(9)),
					callId)
			.stream()
			.findFirst();
	}

	/**
	 * The call's id at rtpengine: its SIP dialog's Call-ID, or its own id when the server anchors
	 * an app-to-app call; {@code null} for a call whose media does not pass through the server.
	 */
	String mediaCallIdOf(String callId) {
		List<String> ids = this.jdbc.queryForList(
				"SELECT CASE WHEN media_anchored THEN id ELSE sip_call_id END FROM call WHERE id = ?", String.class,
				callId);
		return ids.isEmpty() ? null : ids.get(0);
	}

	boolean recording(String id, String callerPorts) {
		return move(id, "PENDING", "RECORDING", "caller_ports = ?", callerPorts);
	}

	boolean converting(String id) {
		return move(id, "RECORDING", "CONVERTING", "converting_since = ?", Timestamp.from(this.clock.instant()));
	}

	/**
	 * A conversion whose node went away: its plan, the conversion's start as claims compare it, and
	 * the call's id at rtpengine (as {@link #mediaCallIdOf}).
	 */
	record Stalled(Plan plan, Instant since, String mediaCallId) {
	}

	/** Conversions started before {@code before} and not finished, oldest first. */
	List<Stalled> convertingSince(Instant before, int limit) {
		return this.jdbc.query("""
				SELECT r.id, r.call_id, r.account_id, r.project_id, r.format, r.stereo, r.event_url, r.status,
				  r.caller_ports, r.converting_since,
				  CASE WHEN c.media_anchored THEN c.id ELSE c.sip_call_id END
				FROM recording r JOIN call c ON c.id = r.call_id
				WHERE r.status = 'CONVERTING' AND r.kind = 'record' AND r.converting_since < ? ORDER BY r.converting_since LIMIT ?""",
				(rs, row) -> new Stalled(
						new Plan(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
								rs.getBoolean(6), rs.getString(7), rs.getString(8), rs.getString(9)),
						rs.getTimestamp(10).toInstant(), rs.getString(11)),
				Timestamp.from(before), limit);
	}

	/**
	 * Takes a stalled conversion over: only the node whose claim still sees the start it read
	 * moves it, so two nodes never both take it.
	 */
	boolean claim(Stalled stalled) {
		return this.jdbc.update("""
				UPDATE recording SET converting_since = ?
				WHERE id = ? AND status = 'CONVERTING' AND converting_since = ?""",
				Timestamp.from(this.clock.instant()), stalled.plan().id(), Timestamp.from(stalled.since())) == 1;
	}

	boolean ready(String id, long durationMillis, long sizeBytes) {
		return move(id, "CONVERTING", "READY", "duration_ms = ?, size_bytes = ?, ready_at = ?", durationMillis,
				sizeBytes, Timestamp.from(this.clock.instant()));
	}

	/** Gives up on a recording that is not READY, with the reason the API shows. */
	void failed(String id, String reason) {
		this.jdbc.update("UPDATE recording SET status = 'FAILED', failure = ? WHERE id = ? AND status <> 'READY'",
				reason, id);
	}

	/** READY recordings kept since before {@code before}, oldest first. */
	List<Kept> readySince(Instant before, int limit) {
		return this.jdbc.query("""
				SELECT id, account_id, format FROM recording WHERE status = 'READY' AND ready_at < ?
				ORDER BY ready_at LIMIT ?""", Kept::read, Timestamp.from(before), limit);
	}

	/** The accounts whose READY recordings take more than {@code maxBytes}. */
	List<String> accountsOver(long maxBytes) {
		return this.jdbc.queryForList("""
				SELECT account_id FROM recording WHERE status = 'READY' GROUP BY account_id
				HAVING sum(size_bytes) > ?""", String.class, maxBytes);
	}

	/** The account's READY recordings, newest first, with what they and the newer ones take. */
	List<Kept> readyOf(String accountId) {
		return this.jdbc.query("""
				SELECT id, account_id, format, sum(size_bytes) OVER (ORDER BY ready_at DESC, id DESC) AS total
				FROM recording WHERE status = 'READY' AND account_id = ? ORDER BY ready_at DESC, id DESC""",
				Kept::read, accountId);
	}

	/** Marks a kept recording's file as removed; its row stays, as the call's record does. */
	void deleted(String id, String reason) {
		this.jdbc.update("UPDATE recording SET status = 'DELETED', failure = ? WHERE id = ? AND status = 'READY'",
				reason, id);
	}

	private boolean move(String id, String from, String to, String set, Object... values) {
		Object[] arguments = new Object[values.length + 2];
		System.arraycopy(values, 0, arguments, 0, values.length);
		arguments[values.length] = id;
		arguments[values.length + 1] = from;
		return this.jdbc.update("UPDATE recording SET status = '" + to + "'" + ((set != null) ? ", " + set : "")
				+ " WHERE id = ? AND status = ?", arguments) == 1;
	}

	/** A kept recording and, where asked, the bytes its account keeps up to it. */
	record Kept(String id, String accountId, String format, long total) {

		static Kept read(ResultSet rs, int row) throws SQLException {
			boolean withTotal = rs.getMetaData().getColumnCount() > 3;
			return new Kept(rs.getString(1), rs.getString(2), rs.getString(3), withTotal ? rs.getLong(4) : 0);
		}

	}

}
