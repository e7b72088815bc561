package asia.oncaller.load;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Seeds the call records of the REST benchmark in one {@code INSERT … SELECT} over
 * {@code generate_series}: one account ("Benchmark account (issue 4)") with 4 projects and
 * {@code count} calls spread evenly over the {@value #DAYS} days before {@code end}, newest first.
 * Callers are {@code user-0..49} ({@code i % 50}) and callees {@code user-0..49}
 * ({@code i / 50 % 50}), so each caller/callee pair recurs every 2,500 calls; 70 % ended after
 * an answer, 20 % busy, 10 % unanswered. An earlier benchmark account is removed first.
 */
final class CallRecordsSeed {

	static final String ACCOUNT_NAME = "Benchmark account (issue 4)";

	static final int DAYS = 90;

	static final int USERS = 50;

	private static final SecureRandom RANDOM = new SecureRandom();

	private CallRecordsSeed() {
	}

	/** The benchmark account's id and secret, if it has been seeded. */
	static Optional<String[]> account(Connection db) throws SQLException {
		try (PreparedStatement query = db.prepareStatement("SELECT id, secret FROM account WHERE name = ?")) {
			query.setString(1, ACCOUNT_NAME);
			try (ResultSet row = query.executeQuery()) {
				return row.next() ? Optional.of(new String[] { row.getString(1), row.getString(2) }) : Optional.empty();
			}
		}
	}

	static void seed(Connection db, int count, Instant end) throws SQLException {
		seed(db, count, end, DAYS);
	}

	/** Seeds {@code count} calls spread evenly over the {@code days} before {@code end}. */
	static void seed(Connection db, int count, Instant end, int days) throws SQLException {
		db.setAutoCommit(false);
		removePrevious(db);
		String account = "AC" + hex(16);
		try (PreparedStatement insert = db.prepareStatement(
				"INSERT INTO account (id, name, secret, balance, currency) VALUES (?, ?, ?, 0, 'USD')")) {
			insert.setString(1, account);
			insert.setString(2, ACCOUNT_NAME);
			insert.setString(3, hex(32));
			insert.executeUpdate();
		}
		String[] projects = new String[4];
		for (int p = 0; p < projects.length; p++) {
			projects[p] = "PJ" + hex(16);
			try (PreparedStatement insert = db.prepareStatement(
					"INSERT INTO project (id, account_id, name, api_key_sid, api_key_secret, signing_secret) "
							+ "VALUES (?, ?, ?, ?, ?, ?)")) {
				insert.setString(1, projects[p]);
				insert.setString(2, account);
				insert.setString(3, "Bench app " + p);
				insert.setString(4, "SK" + hex(16));
				insert.setString(5, hex(32));
				// Required since V5 (webhook signatures); the benchmark sends no webhook.
				insert.setString(6, hex(32));
				insert.executeUpdate();
			}
		}
		long spacingMicros = Duration.ofDays(days).toNanos() / 1000 / count;
		try (PreparedStatement insert = db.prepareStatement("""
				INSERT INTO call (id, account_id, project_id, direction, status, from_number, from_alias, from_type,
				  to_number, to_alias, to_type, from_user_id, to_user_id, answered_device_id, video_call, end_reason,
				  sip_code, created_at, ringing_at, answered_at, ended_at, billed_seconds, cost, currency)
				SELECT 'call-' || md5(?::text || g.i::text), ?, (?::text[])[1 + g.i % 4], 'APP_TO_APP',
				  CASE WHEN g.i % 10 < 7 THEN 'ENDED' WHEN g.i % 10 < 9 THEN 'BUSY' ELSE 'ENDED' END,
				  'user-' || (g.i % 50), 'User ' || (g.i % 50), 'INTERNAL',
				  'user-' || (g.i / 50 % 50), NULL, 'INTERNAL',
				  'user-' || (g.i % 50), 'user-' || (g.i / 50 % 50),
				  CASE WHEN g.i % 10 < 7 THEN 'device-1' END, g.i % 20 = 0,
				  CASE WHEN g.i % 10 < 7 THEN 'Ended' WHEN g.i % 10 < 9 THEN 'Busy here' ELSE 'No answer' END,
				  CASE WHEN g.i % 10 < 7 THEN NULL WHEN g.i % 10 < 9 THEN 486 ELSE 480 END,
				  g.t, g.t + interval '1 second',
				  CASE WHEN g.i % 10 < 7 THEN g.t + interval '3 seconds' END,
				  g.t + interval '3 seconds' + (g.i % 600) * interval '1 second',
				  CASE WHEN g.i % 10 < 7 THEN g.i % 600 END,
				  CASE WHEN g.i % 10 < 7 THEN (g.i % 600) * 0.0002 END, 'USD'
				FROM (SELECT i, ?::timestamptz - i * ? * interval '1 microsecond' AS t
				      FROM generate_series(0, ? - 1) AS i) AS g""")) {
			insert.setString(1, account);
			insert.setString(2, account);
			insert.setArray(3, db.createArrayOf("text", projects));
			insert.setTimestamp(4, Timestamp.from(end));
			insert.setLong(5, spacingMicros);
			insert.setInt(6, count);
			insert.executeUpdate();
		}
		db.commit();
		db.setAutoCommit(true);
		try (Statement analyze = db.createStatement()) {
			analyze.execute("ANALYZE call");
		}
	}

	private static void removePrevious(Connection db) throws SQLException {
		Optional<String[]> previous = account(db);
		if (previous.isEmpty()) {
			return;
		}
		for (String sql : new String[] { "DELETE FROM call WHERE account_id = ?", "DELETE FROM project WHERE account_id = ?",
				"DELETE FROM account WHERE id = ?" }) {
			try (PreparedStatement delete = db.prepareStatement(sql)) {
				delete.setString(1, previous.get()[0]);
				delete.executeUpdate();
			}
		}
	}

	private static String hex(int bytes) {
		byte[] buffer = new byte[bytes];
		RANDOM.nextBytes(buffer);
		return HexFormat.of().formatHex(buffer);
	}

}
