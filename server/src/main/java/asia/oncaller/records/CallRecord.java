package asia.oncaller.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A call record as the REST API shows it (PROTOCOL §5), in the order of its JSON fields and CSV
 * columns. Money is a decimal string, so no client rounds it through a float; times are ISO-8601
 * UTC. {@code durationSeconds} runs from the answer to the end: 0 for a call that ended
 * unanswered, {@code null} while the call lasts. Phone calls add their SIP Call-ID; a transfer
 * shows who had the call and when it moved; {@code failoverCount} counts onFailEventUrl retargets.
 */
record CallRecord(String callId, String projectId, String accountId, String fromNumber, String fromAlias,
		String fromType, String toNumber, String toAlias, String toType, String fromUserId, String toUserId,
		String answeredDeviceId, boolean isVideoCall, String direction, String status, String endReason,
		Integer sipCode, Instant createdAt, Instant ringingAt, Instant answeredAt, Instant endedAt,
		Long durationSeconds, Integer billedSeconds, String cost, String currency, String trunkId,
		String sipCallId, String transferredFromUserId, Instant transferredAt, int failoverCount,
		String customData) {

	/** The columns a query must select, in the order {@link #read} reads them. */
	static final String COLUMNS = "id, project_id, account_id, from_number, from_alias, from_type, to_number, "
			+ "to_alias, to_type, from_user_id, to_user_id, answered_device_id, video_call, direction, status, "
			+ "end_reason, sip_code, created_at, ringing_at, answered_at, ended_at, billed_seconds, cost, currency, "
			+ "trunk_id, sip_call_id, transferred_from_user_id, transferred_at, failover_count, custom_data";

	/** The JSON field names, which are also the CSV header. */
	static final List<String> FIELDS = Arrays.stream(CallRecord.class.getRecordComponents())
		.map((component) -> component.getName())
		.toList();

	static CallRecord read(ResultSet row) throws SQLException {
		Instant answeredAt = instant(row, "answered_at");
		Instant endedAt = instant(row, "ended_at");
		java.math.BigDecimal cost = row.getBigDecimal("cost");
		return new CallRecord(row.getString("id"), row.getString("project_id"), row.getString("account_id"),
				row.getString("from_number"), row.getString("from_alias"), lower(row.getString("from_type")),
				row.getString("to_number"), row.getString("to_alias"), lower(row.getString("to_type")),
				row.getString("from_user_id"), row.getString("to_user_id"), row.getString("answered_device_id"),
				row.getBoolean("video_call"), row.getString("direction"), row.getString("status"),
				row.getString("end_reason"), row.getObject("sip_code", Integer.class), instant(row, "created_at"),
				instant(row, "ringing_at"), answeredAt, endedAt, duration(answeredAt, endedAt),
				row.getObject("billed_seconds", Integer.class), (cost != null) ? cost.toPlainString() : null,
				row.getString("currency"), row.getString("trunk_id"), row.getString("sip_call_id"),
				row.getString("transferred_from_user_id"), instant(row, "transferred_at"), row.getInt("failover_count"),
				row.getString("custom_data"));
	}

	/** The values in {@link #FIELDS} order, for the CSV export. */
	List<Object> values() {
		return Arrays.asList(this.callId, this.projectId, this.accountId, this.fromNumber, this.fromAlias, this.fromType,
				this.toNumber, this.toAlias, this.toType, this.fromUserId, this.toUserId, this.answeredDeviceId,
				this.isVideoCall, this.direction, this.status, this.endReason, this.sipCode, this.createdAt,
				this.ringingAt, this.answeredAt, this.endedAt, this.durationSeconds, this.billedSeconds, this.cost,
				this.currency, this.trunkId, this.sipCallId, this.transferredFromUserId, this.transferredAt,
				this.failoverCount, this.customData);
	}

	private static Long duration(Instant answeredAt, Instant endedAt) {
		if (endedAt == null) {
			return null;
		}
		return (answeredAt != null) ? Duration.between(answeredAt, endedAt).getSeconds() : 0L;
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

	/** Endpoint types read as the SCCO writes them: internal, external. */
	private static String lower(String type) {
		return (type != null) ? type.toLowerCase(Locale.ROOT) : null;
	}

}
