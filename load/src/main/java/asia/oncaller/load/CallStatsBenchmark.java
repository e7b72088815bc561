package asia.oncaller.load;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The charts benchmark (issue 19): seeds call records into PostgreSQL (see
 * {@link CallRecordsSeed}; {@code --seed 1000000 --days 30} puts a million calls in 30 days), then
 * measures, over HTTP against the running server with an account REST token, the latency of
 * {@code GET /v1/call-stats} for a 30-day range, one request at a time, and prints p50, p95 and
 * p99. Each request takes a range shifted by an hour from the last, so no two are the same;
 * each is checked to answer 200 with 30 days whose calls add up to what the range holds.
 *
 * <pre>
 * ./mvnw -q -pl load compile exec:java@call-stats -Dexec.args="--seed 1000000 --days 30 --requests 300"
 * </pre>
 */
public final class CallStatsBenchmark {

	private final Map<String, String> options;

	private final LoopbackRest rest;

	private CallStatsBenchmark(Map<String, String> options) {
		this.options = options;
		this.rest = new LoopbackRest(option("server", "http://127.0.0.1:8080"));
		LoopbackRest.requireLoopback(URI.create(jdbc().substring(5)).getHost());
	}

	public static void main(String[] args) throws Exception {
		new CallStatsBenchmark(LoopbackRest.options(args)).run();
		System.exit(0);
	}

	private void run() throws Exception {
		String[] account;
		Instant end;
		try (Connection db = DriverManager.getConnection(jdbc(), option("user", "postgres"),
				option("password", "postgres"))) {
			if (this.options.containsKey("seed")) {
				int count = Integer.parseInt(this.options.get("seed"));
				int days = Integer.parseInt(option("days", "30"));
				long started = System.nanoTime();
				CallRecordsSeed.seed(db, count, Instant.now(), days);
				try (Statement vacuum = db.createStatement()) {
					// What autovacuum does after a table's inserts: the visibility map that lets
					// the aggregate read the account's index (V26) alone, without the table.
					vacuum.execute("VACUUM ANALYZE call");
				}
				System.out.printf("seeded %,d call records over %d days in %.1f s%n", count, days,
						(System.nanoTime() - started) / 1e9);
			}
			account = CallRecordsSeed.account(db)
				.orElseThrow(() -> new IllegalStateException("No benchmark account: run with --seed first"));
			try (Statement query = db.createStatement();
					ResultSet row = query.executeQuery(
							"SELECT max(created_at), count(*) FROM call WHERE account_id = '" + account[0] + "'")) {
				row.next();
				end = row.getTimestamp(1).toInstant().plusSeconds(1);
				System.out.printf("benchmark account %s holds %,d call records%n", account[0], row.getLong(2));
			}
		}
		String token = CallRecordsBenchmark.token(account[0], account[1]);
		int requests = Integer.parseInt(option("requests", "300"));
		int warmUp = Integer.parseInt(option("warm-up", "30"));
		LatencyStats stats = new LatencyStats();
		long calls = 0;
		for (int k = 0; k < warmUp + requests; k++) {
			// Ranges ending 0 to 23 hours before the newest call: most of the account's calls, never the same range.
			Instant to = end.minus(Duration.ofHours(k % 24));
			Instant from = to.minus(Duration.ofDays(30));
			calls = timed("/v1/call-stats?from=" + from + "&to=" + to + "&timeZone=Europe/Paris", token,
					(k >= warmUp) ? stats : null);
		}
		System.out.printf("%-55s n=%d  p50=%6.1f ms  p95=%6.1f ms  p99=%6.1f ms  (last range: %,d calls)%n",
				"GET /v1/call-stats, 30 days, hours of Europe/Paris", stats.count(), stats.percentileMillis(50),
				stats.percentileMillis(95), stats.percentileMillis(99), calls);
	}

	/** GETs the stats, checks them, records the latency when a recorder is given; answers the calls counted. */
	private long timed(String path, String token, LatencyStats stats) throws Exception {
		JsonNode body = this.rest.get(path, token, stats);
		long byHour = 0;
		for (JsonNode hour : body.get("hours")) {
			byHour += hour.get("calls").asLong();
		}
		long byDay = 0;
		for (JsonNode day : body.get("days")) {
			byDay += day.get("calls").asLong();
		}
		if (byHour == 0 || byHour != byDay) {
			throw new IllegalStateException(path + " counted " + byHour + " calls by hour and " + byDay + " by day");
		}
		return byHour;
	}

	private String jdbc() {
		return option("jdbc", "jdbc:postgresql://127.0.0.1:54329/postgres");
	}

	private String option(String name, String fallback) {
		return this.options.getOrDefault(name, fallback);
	}

}
