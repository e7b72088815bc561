package asia.oncaller.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A call in progress as the console's live table shows it: who, which way, its state, since when
 * (the console ticks the duration from {@code answeredAt}), the answering device and the trunk.
 */
record LiveCall(String callId, String projectId, String direction, String status, String fromNumber,
		String fromAlias, String toNumber, String toAlias, String fromUserId, String toUserId,
		String answeredDeviceId, String trunkId, boolean isVideoCall, Instant createdAt, Instant answeredAt) {

	static final String COLUMNS = "id, project_id, direction, status, from_number, from_alias, to_number, to_alias, "
			+ "from_user_id, to_user_id, answered_device_id, trunk_id, video_call, created_at, answered_at";

	static LiveCall read(ResultSet row) throws SQLException {
		return new LiveCall(row.getString("id"), row.getString("project_id"), row.getString("direction"),
				row.getString("status"), row.getString("from_number"), row.getString("from_alias"),
				row.getString("to_number"), row.getString("to_alias"), row.getString("from_user_id"),
				row.getString("to_user_id"), row.getString("answered_device_id"), row.getString("trunk_id"),
				row.getBoolean("video_call"), instant(row, "created_at"), instant(row, "answered_at"));
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

}
