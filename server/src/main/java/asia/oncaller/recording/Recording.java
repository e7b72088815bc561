package asia.oncaller.recording;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * A recording as the REST API shows it (docs/recordings.md).
 *
 * @param recordingId its id, {@code rec-} and 32 hex digits
 * @param callId the recorded call
 * @param projectId the call's project
 * @param accountId the call's account
 * @param kind {@code record} (the call) or {@code recordMessage} (a voicemail)
 * @param format {@code wav} or {@code mp3}
 * @param stereo caller left, callee right
 * @param status PENDING, RECORDING, CONVERTING, READY or FAILED
 * @param durationMillis how long the audio lasts, once READY
 * @param sizeBytes the file's size, once READY
 * @param failure why nothing was kept, when FAILED
 * @param createdAt when the call asked for it
 * @param readyAt when its file was kept
 * @param url where its audio is downloaded, once READY
 */
public record Recording(String recordingId, String callId, String projectId, String accountId, String kind,
		String format, boolean stereo, String status, Long durationMillis, Long sizeBytes, String failure,
		Instant createdAt, Instant readyAt, String url) {

	static final String COLUMNS = "id, call_id, project_id, account_id, kind, format, stereo, status, duration_ms,"
			+ " size_bytes, failure, created_at, ready_at";

	/** The path of a recording's audio below the server's root. */
	static String path(String recordingId) {
		return "/v1/recordings/" + recordingId;
	}

	static Recording read(ResultSet rs, int row) throws SQLException {
		String id = rs.getString("id");
		String status = rs.getString("status");
		return new Recording(id, rs.getString("call_id"), rs.getString("project_id"), rs.getString("account_id"),
				rs.getString("kind"), rs.getString("format"), rs.getBoolean("stereo"), status,
				rs.getObject("duration_ms", Long.class), rs.getObject("size_bytes", Long.class), rs.getString("failure"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("ready_at")),
				"READY".equals(status) ? path(id) : null);
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
