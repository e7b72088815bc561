package asia.oncaller.api;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes call records straight into the {@code call} table, as the call module leaves them, so
 * that listing tests control every field and time.
 */
final class CallSeeder {

	private final JdbcTemplate jdbc;

	CallSeeder(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A call record; fields not set keep the values of an ended, answered app-to-app call. */
	static Row row(String accountId, String projectId, Instant createdAt) {
		return new Row("call-" + UUID.randomUUID().toString().replace("-", ""), accountId, projectId, createdAt);
	}

	void insert(Row... rows) {
		insert(List.of(rows));
	}

	void insert(List<Row> rows) {
		List<Object[]> arguments = new ArrayList<>();
		for (Row row : rows) {
			arguments.add(new Object[] { row.id, row.accountId, row.projectId, row.direction, row.status, row.fromNumber,
					row.fromAlias, row.fromType, row.toNumber, row.toAlias, row.toType, row.fromUserId, row.toUserId,
					row.answeredDeviceId, row.video, row.endReason, row.sipCode, ts(row.createdAt), ts(row.ringingAt),
					ts(row.answeredAt), ts(row.endedAt), row.billedSeconds, row.cost, row.currency, row.customData });
		}
		this.jdbc.batchUpdate("""
				INSERT INTO call (id, account_id, project_id, direction, status, from_number, from_alias, from_type,
				  to_number, to_alias, to_type, from_user_id, to_user_id, answered_device_id, video_call, end_reason,
				  sip_code, created_at, ringing_at, answered_at, ended_at, billed_seconds, cost, currency, custom_data)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", arguments);
	}

	private static Timestamp ts(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	/** One record, mutable for the test's needs. */
	static final class Row {

		final String id;

		final String accountId;

		final String projectId;

		final Instant createdAt;

		String direction = "APP_TO_APP";

		String status = "ENDED";

		String fromNumber = "alice";

		String fromAlias = "Alice";

		String fromType = "INTERNAL";

		String toNumber = "bob";

		String toAlias = "Bob";

		String toType = "INTERNAL";

		String fromUserId = "alice";

		String toUserId = "bob";

		String answeredDeviceId = "b1";

		boolean video;

		String endReason = "Ended";

		Integer sipCode;

		Instant ringingAt;

		Instant answeredAt;

		Instant endedAt;

		Integer billedSeconds;

		java.math.BigDecimal cost;

		String currency = "USD";

		String customData;

		Row(String id, String accountId, String projectId, Instant createdAt) {
			this.id = id;
			this.accountId = accountId;
			this.projectId = projectId;
			this.createdAt = createdAt;
			this.ringingAt = createdAt.plusSeconds(1);
			this.answeredAt = createdAt.plusSeconds(3);
			this.endedAt = createdAt.plusSeconds(65);
		}

		Row from(String number, String userId) {
			this.fromNumber = number;
			this.fromUserId = userId;
			return this;
		}

		Row to(String number, String userId) {
			this.toNumber = number;
			this.toUserId = userId;
			return this;
		}

		Row status(String status) {
			this.status = status;
			return this;
		}

		Row direction(String direction) {
			this.direction = direction;
			return this;
		}

		Row custom(String customData) {
			this.customData = customData;
			return this;
		}

		Row unanswered() {
			this.answeredAt = null;
			this.answeredDeviceId = null;
			return this;
		}

	}

}
