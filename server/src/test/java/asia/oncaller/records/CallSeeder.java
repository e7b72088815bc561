package asia.oncaller.records;

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
public final class CallSeeder {

	private final JdbcTemplate jdbc;

	public CallSeeder(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A call record; fields not set keep the values of an ended, answered app-to-app call. */
	public static Row row(String accountId, String projectId, Instant createdAt) {
		return new Row("call-" + UUID.randomUUID().toString().replace("-", ""), accountId, projectId, createdAt);
	}

	public void insert(Row... rows) {
		insert(List.of(rows));
	}

	public void insert(List<Row> rows) {
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
	public static final class Row {

		public final String id;

		public final String accountId;

		public final String projectId;

		public final Instant createdAt;

		public String direction = "APP_TO_APP";

		public String status = "ENDED";

		public String fromNumber = "alice";

		public String fromAlias = "Alice";

		public String fromType = "INTERNAL";

		public String toNumber = "bob";

		public String toAlias = "Bob";

		public String toType = "INTERNAL";

		public String fromUserId = "alice";

		public String toUserId = "bob";

		public String answeredDeviceId = "b1";

		public boolean video;

		public String endReason = "Ended";

		public Integer sipCode;

		public Instant ringingAt;

		public Instant answeredAt;

		public Instant endedAt;

		public Integer billedSeconds;

		public java.math.BigDecimal cost;

		public String currency = "USD";

		public String customData;

		Row(String id, String accountId, String projectId, Instant createdAt) {
			this.id = id;
			this.accountId = accountId;
			this.projectId = projectId;
			this.createdAt = createdAt;
			this.ringingAt = createdAt.plusSeconds(1);
			this.answeredAt = createdAt.plusSeconds(3);
			this.endedAt = createdAt.plusSeconds(65);
		}

		public Row from(String number, String userId) {
			this.fromNumber = number;
			this.fromUserId = userId;
			return this;
		}

		public Row to(String number, String userId) {
			this.toNumber = number;
			this.toUserId = userId;
			return this;
		}

		public Row status(String status) {
			this.status = status;
			return this;
		}

		public Row direction(String direction) {
			this.direction = direction;
			return this;
		}

		public Row custom(String customData) {
			this.customData = customData;
			return this;
		}

		public Row unanswered() {
			this.answeredAt = null;
			this.answeredDeviceId = null;
			return this;
		}

	}

}
