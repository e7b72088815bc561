package asia.oncaller.call;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import asia.oncaller.billing.Charge;
import asia.oncaller.billing.Grant;
import asia.oncaller.control.ConnectAction;
import jakarta.persistence.EntityManager;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * {@link CallTransitions} as native PostgreSQL {@code UPDATE … RETURNING} over plain JDBC
 * ({@link CallRows}): the state check, the change and the read of the result in one round trip.
 * The call returned is a value, not an entity this transaction manages: a change to it is
 * written by a statement of its own.
 */
class CallTransitionsImpl implements CallTransitions {

	private final NamedParameterJdbcTemplate jdbc;

	private final EntityManager entityManager;

	CallTransitionsImpl(NamedParameterJdbcTemplate jdbc, EntityManager entityManager) {
		this.jdbc = jdbc;
		this.entityManager = entityManager;
	}

	@Override
	public Optional<Call> markRinging(String id, Instant now) {
		return update("""
				UPDATE call SET status = 'RINGING', ringing_at = :now, version = version + 1
				WHERE id = :id AND status = 'CALLING' AND fail_reason IS NULL RETURNING *""", Map.of("id", id, "now", now));
	}

	@Override
	public Optional<Call> markAnswered(String id, Instant now, String deviceId, String connectionId, Grant grant) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", id);
		parameters.put("now", now);
		parameters.put("device", deviceId);
		parameters.put("connection", connectionId);
		parameters.put("deadline", (grant.seconds() != null) ? now.plusSeconds(grant.seconds()) : null);
		parameters.put("granted", grant.seconds());
		parameters.put("reserved", grant.reserved());
		return update("""
				UPDATE call SET status = 'ANSWERED', answered_at = :now, answered_device_id = :device,
				  answered_connection_id = :connection, connect_deadline = :deadline, granted_seconds = :granted,
				  reserved_amount = :reserved, last_seen_at = :now, version = version + 1
				WHERE id = :id AND status IN ('CALLING', 'RINGING') AND fail_reason IS NULL RETURNING *""", parameters);
	}

	@Override
	public Optional<Call> answerUnpriced(String id, Party party, Instant now) {
		Map<String, Object> parameters = party(id, party, now);
		parameters.put("device", party.deviceId());
		return update("""
				UPDATE call SET status = 'ANSWERED', answered_at = :now, answered_device_id = :device,
				  answered_connection_id = :connection,
				  connect_deadline = CAST(:now AS TIMESTAMPTZ) + make_interval(secs => max_connect_seconds),
				  granted_seconds = max_connect_seconds, reserved_amount = 0, last_seen_at = :now, version = version + 1
				WHERE id = :id AND status IN ('CALLING', 'RINGING') AND fail_reason IS NULL AND price_per_minute IS NULL
				  AND PARTY_IS_CALLEE RETURNING *""".replace("PARTY_IS_CALLEE", PARTY_IS_CALLEE), parameters);
	}

	@Override
	public Optional<Call> hangUpUnpriced(String id, Party party, Instant now) {
		// The reason and SIP code are CallEnd.NORMAL's once answered, else CallEnd.CANCELED's.
		return update("""
				UPDATE call SET status = 'ENDED', ended_at = :now,
				  end_reason = CASE status WHEN 'ANSWERED' THEN 'Ended' ELSE 'Canceled' END,
				  sip_code = CASE status WHEN 'ANSWERED' THEN NULL ELSE 487 END,
				  billed_seconds = CASE WHEN answered_at IS NULL THEN 0 ELSE GREATEST(0, CEIL(EXTRACT(EPOCH FROM
				    LEAST(CAST(:now AS TIMESTAMPTZ) - answered_at, make_interval(secs => granted_seconds)))))::INTEGER END,
				  cost = 0, version = version + 1
				WHERE id = :id AND price_per_minute IS NULL AND transferred_at IS NULL
				  AND ((status IN ('CALLING', 'RINGING', 'ANSWERED') AND PARTY_IS_CALLER)
				    OR (status = 'ANSWERED' AND PARTY_IS_CALLEE
				      AND (CAST(:connection AS VARCHAR) IS NULL OR answered_connection_id = :connection)))
				RETURNING *""".replace("PARTY_IS_CALLER", PARTY_IS_CALLER).replace("PARTY_IS_CALLEE", PARTY_IS_CALLEE),
				party(id, party, now));
	}

	// CallParties.roleOf in SQL, for :project, :user and :connection (NULL over REST). A user who
	// calls themselves is the caller on the connection that placed the call, the callee elsewhere.
	private static final String PARTY_IS_CALLER = """
			(project_id = :project AND from_user_id = :user AND (to_user_id IS DISTINCT FROM :user
			  OR CAST(:connection AS VARCHAR) IS NULL OR caller_connection_id IS NOT DISTINCT FROM :connection))""";

	private static final String PARTY_IS_CALLEE = """
			(project_id = :project AND to_user_id = :user AND NOT (from_user_id IS NOT DISTINCT FROM :user
			  AND (CAST(:connection AS VARCHAR) IS NULL OR caller_connection_id IS NOT DISTINCT FROM :connection)))""";

	/** The parameters of a verb of {@code party}'s: who they are, and when. */
	private static Map<String, Object> party(String id, Party party, Instant now) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", id);
		parameters.put("now", now);
		parameters.put("project", party.projectId());
		parameters.put("user", party.userId());
		parameters.put("connection", party.connectionId());
		return parameters;
	}

	@Override
	public Optional<Call> markEnded(String id, Collection<CallState> from, CallState state, Instant now, String reason,
			Integer sipCode, Charge charge) {
		Map<String, Object> parameters = ending(id, now, reason, sipCode, charge);
		parameters.put("from", from.stream().map(Enum::name).toList());
		parameters.put("state", state.name());
		return update("""
				UPDATE call SET status = :state, ended_at = :now, end_reason = :reason,
				  sip_code = :sip, billed_seconds = :billed, cost = :cost, version = version + 1
				WHERE id = :id AND status IN (:from) RETURNING *""", parameters);
	}

	@Override
	public Optional<Call> markRejected(String id, Instant now, String reason, Integer sipCode, Charge charge) {
		return update("""
				UPDATE call SET status = 'BUSY', ended_at = :now, end_reason = :reason, sip_code = :sip,
				  billed_seconds = :billed, cost = :cost, version = version + 1
				WHERE id = :id AND status IN ('CALLING', 'RINGING') AND fail_reason IS NULL RETURNING *""",
				ending(id, now, reason, sipCode, charge));
	}

	@Override
	public Optional<Call> extendGrant(String id, int grantedSeconds, Grant grant, Instant deadline, Instant now) {
		return update("""
				UPDATE call SET granted_seconds = :granted, connect_deadline = :deadline, reserved_amount = :reserved,
				  version = version + 1
				WHERE id = :id AND status = 'ANSWERED' AND granted_seconds = :previous AND connect_deadline > :now
				RETURNING *""", Map.of("id", id, "granted", grant.seconds(), "deadline", deadline, "reserved",
				grant.reserved(), "previous", grantedSeconds, "now", now));
	}

	@Override
	public Optional<Call> markExpired(String id, Integer grantedSeconds, Instant now, CallState state, String reason,
			Integer sipCode, Charge charge) {
		Map<String, Object> parameters = ending(id, now, reason, sipCode, charge);
		parameters.put("granted", grantedSeconds);
		parameters.put("state", state.name());
		return update("""
				UPDATE call SET status = :state, ended_at = :now, end_reason = :reason, sip_code = :sip,
				  billed_seconds = :billed, cost = :cost, version = version + 1
				WHERE id = :id AND status = 'ANSWERED' AND granted_seconds IS NOT DISTINCT FROM :granted
				  AND connect_deadline <= :now
				RETURNING *""", parameters);
	}

	@Override
	public Optional<Call> markLost(String id, Instant staleBefore, String reason) {
		// LEAST skips NULL: a call with no deadline ends when it was last seen.
		return update("""
				UPDATE call SET status = 'ENDED', ended_at = LEAST(COALESCE(last_seen_at, answered_at), connect_deadline),
				  end_reason = :reason, sip_code = NULL, version = version + 1
				WHERE id = :id AND status = 'ANSWERED' AND COALESCE(last_seen_at, answered_at) < :before
				  AND caller_away_until IS NULL AND callee_away_until IS NULL
				RETURNING *""", Map.of("id", id, "before", staleBefore, "reason", reason));
	}

	// The app leg is the caller of an app-to-phone call and the callee of a phone-to-app one.
	private static final String APP_USER = "(CASE direction WHEN 'APP_TO_PHONE' THEN from_user_id ELSE to_user_id END)";

	private static final String APP_CONNECTION = "(CASE direction WHEN 'APP_TO_PHONE' THEN caller_connection_id"
			+ " ELSE answered_connection_id END)";

	@Override
	public Optional<Call> markTransferred(String id, String userId, String connectionId, String targetUserId,
			Instant now, Instant ringDeadline) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", id);
		parameters.put("user", userId);
		parameters.put("connection", connectionId);
		parameters.put("target", targetUserId);
		parameters.put("now", now);
		parameters.put("deadline", ringDeadline);
		return update("""
				UPDATE call SET
				  from_user_id = CASE direction WHEN 'APP_TO_PHONE' THEN :target ELSE from_user_id END,
				  caller_connection_id = CASE direction WHEN 'APP_TO_PHONE' THEN NULL ELSE caller_connection_id END,
				  caller_device_id = CASE direction WHEN 'APP_TO_PHONE' THEN NULL ELSE caller_device_id END,
				  to_user_id = CASE direction WHEN 'PHONE_TO_APP' THEN :target ELSE to_user_id END,
				  answered_connection_id = CASE direction WHEN 'PHONE_TO_APP' THEN NULL ELSE answered_connection_id END,
				  answered_device_id = CASE direction WHEN 'PHONE_TO_APP' THEN NULL ELSE answered_device_id END,
				  transferred_from_user_id = :user, transferred_at = :now, ring_deadline = :deadline,
				  version = version + 1
				WHERE id = :id AND status = 'ANSWERED' AND trunk_id IS NOT NULL AND APP_USER = :user
				  AND (CAST(:connection AS VARCHAR) IS NULL OR APP_CONNECTION = :connection)
				RETURNING *""".replace("APP_USER", APP_USER).replace("APP_CONNECTION", APP_CONNECTION), parameters);
	}

	@Override
	public Optional<Call> markConnectedAfterActions(String id, ConnectAction connect, Instant now,
			Instant ringDeadline) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", id);
		parameters.put("target", connect.to().number());
		parameters.put("custom", connect.customData());
		parameters.put("fromNumber", connect.from().number());
		parameters.put("fromAlias", connect.from().alias());
		parameters.put("now", now);
		parameters.put("deadline", ringDeadline);
		// An app caller's name, until now the user id it signed in with, becomes the connect's
		// (the customer's choice, as for any app call); a phone keeps its carrier's caller id.
		return update("""
				UPDATE call SET to_user_id = :target, custom_data = :custom, transferred_at = :now,
				  from_number = CASE direction WHEN 'APP_TO_APP' THEN :fromNumber ELSE from_number END,
				  from_alias = CASE direction WHEN 'APP_TO_APP' THEN :fromAlias ELSE from_alias END,
				  ring_deadline = :deadline, version = version + 1
				WHERE id = :id AND status = 'ANSWERED'
				  AND ((direction = 'PHONE_TO_APP' AND trunk_id IS NOT NULL) OR (direction = 'APP_TO_APP' AND media_anchored))
				  AND to_user_id IS NULL AND transferred_at IS NULL
				RETURNING *""", parameters);
	}

	@Override
	public Optional<Call> markTransferAnswered(String id, String deviceId, String connectionId, Instant now) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", id);
		parameters.put("device", deviceId);
		parameters.put("connection", connectionId);
		parameters.put("now", now);
		return update("""
				UPDATE call SET
				  caller_connection_id = CASE direction WHEN 'APP_TO_PHONE' THEN :connection ELSE caller_connection_id END,
				  caller_device_id = CASE direction WHEN 'APP_TO_PHONE' THEN :device ELSE caller_device_id END,
				  answered_connection_id = CASE direction WHEN 'APP_TO_PHONE' THEN answered_connection_id
				    ELSE :connection END,
				  answered_device_id = CASE direction WHEN 'APP_TO_PHONE' THEN answered_device_id ELSE :device END,
				  last_seen_at = :now, version = version + 1
				WHERE id = :id AND status = 'ANSWERED' AND transferred_at IS NOT NULL AND APP_CONNECTION IS NULL
				RETURNING *""".replace("APP_CONNECTION", APP_CONNECTION), parameters);
	}

	@Override
	public Optional<Call> markConnectFailed(String id, String reason, Instant now, int maxFailovers) {
		return update("""
				UPDATE call SET fail_reason = :reason, ring_deadline = :now, version = version + 1
				WHERE id = :id AND status IN ('CALLING', 'RINGING') AND fail_reason IS NULL AND continue_on_fail
				  AND failover_count < :max
				RETURNING *""", Map.of("id", id, "reason", reason, "now", now, "max", maxFailovers));
	}

	@Override
	public Optional<Call> claimFailover(String id, Instant now, Instant leaseUntil, int maxFailovers) {
		return update("""
				UPDATE call SET fail_reason = COALESCE(fail_reason, 'no_answer'), ring_deadline = :lease,
				  version = version + 1
				WHERE id = :id AND status IN ('CALLING', 'RINGING') AND ring_deadline <= :now
				  AND (fail_reason IS NOT NULL OR (continue_on_fail AND failover_count < :max))
				RETURNING *""", Map.of("id", id, "now", now, "lease", leaseUntil, "max", maxFailovers));
	}

	/** The parameters every ending writes: end time, reason, SIP code, billed time and cost. */
	private static Map<String, Object> ending(String id, Instant now, String reason, Integer sipCode, Charge charge) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", id);
		parameters.put("now", now);
		parameters.put("reason", reason);
		parameters.put("sip", sipCode);
		parameters.put("billed", charge.billedSeconds());
		parameters.put("cost", charge.cost());
		return parameters;
	}

	@Override
	public Optional<Call> markAway(String id, String connectionId, Instant until) {
		return update("""
				UPDATE call SET
				  caller_away_until = CASE WHEN caller_connection_id = :connection THEN :until ELSE caller_away_until END,
				  callee_away_until = CASE WHEN answered_connection_id = :connection THEN :until ELSE callee_away_until END,
				  version = version + 1
				WHERE id = :id AND status IN ('CALLING', 'RINGING', 'ANSWERED')
				  AND ((caller_connection_id = :connection AND caller_away_until IS NULL)
				    OR (answered_connection_id = :connection AND callee_away_until IS NULL))
				RETURNING *""", Map.of("id", id, "connection", connectionId, "until", until));
	}

	@Override
	public Optional<Call> markAwayEnded(String id, Instant now, String reason, Charge charge) {
		// LEAST and GREATEST skip NULLs: the end is the deadline that passed (the earlier, if both
		// sides are away), or the answer if it came after that deadline but before the sweep.
		return update("""
				UPDATE call SET status = 'ENDED', ended_at = GREATEST(answered_at, LEAST(
				    CASE WHEN caller_away_until <= :now THEN caller_away_until END,
				    CASE WHEN callee_away_until <= :now THEN callee_away_until END)),
				  end_reason = :reason, sip_code = :sip, billed_seconds = :billed, cost = :cost, version = version + 1
				WHERE id = :id AND status IN ('CALLING', 'RINGING', 'ANSWERED')
				  AND (caller_away_until <= :now OR callee_away_until <= :now)
				RETURNING *""", ending(id, now, reason, null, charge));
	}

	@Override
	public Optional<Call> markBack(String id, String awayConnectionId, String connectionId, Instant now) {
		// SET reads the row as it was, so each CASE sees the side's old connection.
		return update("""
				UPDATE call SET
				  caller_connection_id = CASE WHEN caller_connection_id = :away THEN :connection ELSE caller_connection_id END,
				  caller_away_until = CASE WHEN caller_connection_id = :away THEN NULL ELSE caller_away_until END,
				  answered_connection_id = CASE WHEN answered_connection_id = :away THEN :connection
				    ELSE answered_connection_id END,
				  callee_away_until = CASE WHEN answered_connection_id = :away THEN NULL ELSE callee_away_until END,
				  last_seen_at = CASE WHEN status = 'ANSWERED' THEN :now ELSE last_seen_at END,
				  version = version + 1
				WHERE id = :id AND status IN ('CALLING', 'RINGING', 'ANSWERED')
				  AND ((caller_connection_id = :away AND (caller_away_until IS NULL OR caller_away_until > :now))
				    OR (answered_connection_id = :away AND (callee_away_until IS NULL OR callee_away_until > :now)))
				RETURNING *""", Map.of("id", id, "away", awayConnectionId, "connection", connectionId, "now", now));
	}

	/** Runs the update; a {@code null} parameter is written as SQL NULL, which needs no type. */
	private Optional<Call> update(String sql, Map<String, Object> parameters) {
		// The row changes behind Hibernate's back: write pending changes of this transaction's
		// entities first, and forget what it read, so that a later read sees the row as it is now.
		this.entityManager.flush();
		this.entityManager.clear();
		String statement = sql;
		Map<String, Object> values = new HashMap<>();
		for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
			Object value = parameter.getValue();
			if (value == null) {
				statement = statement.replace(":" + parameter.getKey(), "NULL");
			}
			else {
				values.put(parameter.getKey(), (value instanceof Instant instant) ? CallRows.timestamp(instant) : value);
			}
		}
		// The event_urls come back with the row: the webhook outbox, storing the change's event in
		// this transaction, then needs no look-up of the project (see CallSnapshot.EventUrls).
		return this.jdbc
			.query(statement.replace("RETURNING *", "RETURNING " + CallRows.COLUMNS + ", " + EVENT_URLS), values,
					(rs, row) -> {
						Call call = CallRows.read(rs);
						call.readWith(new CallSnapshot.EventUrls(rs.getString(CallRows.COLUMN_COUNT + 1),
								rs.getString(CallRows.COLUMN_COUNT + 2)));
						return call;
					})
			.stream()
			.findFirst();
	}

	private static final String EVENT_URLS = "(SELECT n.event_url FROM phone_number n WHERE n.id = call.number_id),"
			+ " (SELECT p.event_url FROM project p WHERE p.id = call.project_id)";

}
