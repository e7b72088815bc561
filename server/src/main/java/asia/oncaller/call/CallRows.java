package asia.oncaller.call;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code call} row over plain JDBC, for the statements of every call cycle: the placement's
 * {@code INSERT} and the transitions' {@code UPDATE … RETURNING} ({@link CallTransitionsImpl}).
 * Through JPA the same statements cost a managed entity, its dirty check at commit and a result
 * mapping per row, the largest part of a cycle's CPU (docs/performance.md, "Where a call cycle's
 * CPU went"). The columns are those JPA maps for {@link Call}; other reads of calls stay JPA.
 */
@Component
class CallRows {

	/**
	 * Every column JPA maps for {@link Call}, in the order {@link #read} reads them and
	 * {@link #insert} writes them: by position, since a look-up by name per column cost more than
	 * the rest of reading the row.
	 */
	static final String COLUMNS = """
			id, account_id, project_id, direction, status, from_type, from_number, from_alias, to_type, to_number,
			to_alias, from_user_id, caller_device_id, caller_connection_id, to_user_id, answered_device_id,
			answered_connection_id, transferred_from_user_id, created_at, ringing_at, answered_at, ended_at,
			ring_deadline, connect_deadline, last_seen_at, transferred_at, currency, rate_id, price_per_minute,
			billing_increment_seconds, connection_fee, reserved_amount, granted_seconds, max_connect_seconds,
			billed_seconds, cost, trunk_id, number_id, sip_call_id, continue_on_fail, on_fail_event_url, fail_reason,
			failover_count, caller_offer, caller_candidates, video_call, custom_data, end_reason, sip_code,
			caller_media_state, callee_media_state, caller_away_until, callee_away_until, media_anchored, version""";

	/** How many columns {@link #COLUMNS} names; what a statement returns after them starts at the next. */
	static final int COLUMN_COUNT = 55;

	private static final String INSERT = "INSERT INTO call (" + COLUMNS + ") VALUES ("
			+ "?, ".repeat(COLUMN_COUNT - 1) + "0)";

	private final JdbcTemplate jdbc;

	CallRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Writes a new call, at version 0 as JPA would. Every value is typed, so no NULL needs a look-up of its type. */
	void insert(Call call) {
		this.jdbc.update(INSERT, (ps) -> {
			Parties parties = call.parties();
			Timing timing = call.timing();
			Money money = call.money();
			PhoneLine line = call.phoneLine();
			Failover failover = call.failover();
			Values values = new Values(ps);
			values.text(call.getId()).text(call.getAccountId()).text(call.getProjectId()).text(call.getDirection())
				.text(call.getStatus());
			values.text(parties.fromType()).text(parties.fromNumber()).text(parties.fromAlias()).text(parties.toType())
				.text(parties.toNumber()).text(parties.toAlias()).text(parties.fromUserId())
				.text(parties.callerDeviceId()).text(parties.callerConnectionId()).text(parties.toUserId())
				.text(parties.answeredDeviceId()).text(parties.answeredConnectionId())
				.text(parties.transferredFromUserId());
			values.time(timing.createdAt()).time(timing.ringingAt()).time(timing.answeredAt()).time(timing.endedAt())
				.time(timing.ringDeadline()).time(timing.connectDeadline()).time(timing.lastSeenAt())
				.time(timing.transferredAt());
			values.text(money.currency()).text(money.rateId()).number(money.pricePerMinute())
				.whole(money.billingIncrementSeconds()).number(money.connectionFee()).number(money.reservedAmount())
				.whole(money.grantedSeconds()).whole(money.maxConnectSeconds()).whole(money.billedSeconds())
				.number(money.cost());
			values.text(line.trunkId()).text(line.numberId()).text(line.sipCallId());
			ps.setBoolean(values.next(), failover.continueOnFail());
			values.text(failover.onFailEventUrl()).text(failover.failReason()).whole(failover.failoverCount())
				.text(failover.callerOffer()).text(failover.callerCandidates());
			ps.setBoolean(values.next(), call.isVideoCall());
			values.text(call.getCustomData()).text(call.getEndReason()).whole(call.getSipCode())
				.whole(call.getCallerMediaState()).whole(call.getCalleeMediaState()).time(call.awayUntil(true))
				.time(call.awayUntil(false));
			ps.setBoolean(values.next(), call.isMediaAnchored());
		});
	}

	/**
	 * Writes what an ended call, as returned by its ending, was billed ({@link Call#bill}) when the
	 * ending foresaw another charge (see {@code CallCharging#charge}); the ending holds the row.
	 */
	void bill(Call ended) {
		Money money = ended.money();
		this.jdbc.update("""
				UPDATE call SET billed_seconds = ?, cost = ?, reserved_amount = ?, version = version + 1
				WHERE id = ?""", money.billedSeconds(), money.cost(), money.reservedAmount(), ended.getId());
	}

	/** The call of the current row, whose first columns are {@link #COLUMNS}, as JPA would read it. */
	static Call read(ResultSet rs) throws SQLException {
		Parties parties = new Parties(endpointType(rs, 6), rs.getString(7), rs.getString(8), endpointType(rs, 9),
				rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
				rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18));
		Timing timing = new Timing(instant(rs, 19), instant(rs, 20), instant(rs, 21), instant(rs, 22), instant(rs, 23),
				instant(rs, 24), instant(rs, 25), instant(rs, 26));
		Money money = new Money(rs.getString(27), rs.getString(28), rs.getBigDecimal(29), integer(rs, 30),
				rs.getBigDecimal(31), rs.getBigDecimal(32), integer(rs, 33), integer(rs, 34), integer(rs, 35),
				rs.getBigDecimal(36));
		PhoneLine line = new PhoneLine(rs.getString(37), rs.getString(38), rs.getString(39));
		Failover failover = new Failover(rs.getBoolean(40), rs.getString(41), rs.getString(42), rs.getInt(43),
				rs.getString(44), rs.getString(45));
		return new Call(rs.getString(1), rs.getString(2), rs.getString(3), CallDirection.valueOf(rs.getString(4)),
				CallState.valueOf(rs.getString(5)), parties, timing, money, line, failover, rs.getBoolean(46),
				rs.getString(47), rs.getString(48), integer(rs, 49), integer(rs, 50), integer(rs, 51), instant(rs, 52),
				instant(rs, 53), rs.getBoolean(54), rs.getLong(55));
	}

	/** A time as a statement parameter: PostgreSQL's driver takes an offset time, not an {@link Instant}. */
	static OffsetDateTime timestamp(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static EndpointType endpointType(ResultSet rs, int column) throws SQLException {
		String value = rs.getString(column);
		return (value != null) ? EndpointType.valueOf(value) : null;
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static Integer integer(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, Integer.class);
	}

	/** Sets a statement's parameters in order, each with its SQL type. */
	private static final class Values {

		private final PreparedStatement ps;

		private int index;

		Values(PreparedStatement ps) {
			this.ps = ps;
		}

		int next() {
			return ++this.index;
		}

		Values text(Object value) throws SQLException {
			this.ps.setObject(next(), (value != null) ? value.toString() : null, Types.VARCHAR);
			return this;
		}

		Values number(BigDecimal value) throws SQLException {
			this.ps.setObject(next(), value, Types.NUMERIC);
			return this;
		}

		Values whole(Integer value) throws SQLException {
			this.ps.setObject(next(), value, Types.INTEGER);
			return this;
		}

		Values time(Instant value) throws SQLException {
			this.ps.setObject(next(), timestamp(value), Types.TIMESTAMP_WITH_TIMEZONE);
			return this;
		}

	}

}
