package asia.oncaller.load;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The call-records benchmark (issue 4): seeds call records into PostgreSQL (see
 * {@link CallRecordsSeed}), then measures, over HTTP against the running server with an account
 * REST token, the latency of {@code GET /v1/calls} for a filtered 100-row page (account, a 60-day
 * range, caller and callee) and of the next page through its cursor, one request at a time, and
 * prints p50 and p95. Every request is checked to answer 200 with a full page. It refuses any
 * server or database but loopback and stops after {@code --requests} measured requests of each kind.
 *
 * <pre>
 * ./mvnw -q -pl load compile exec:java@call-records -Dexec.args="--seed 1000000 --requests 300"
 * </pre>
 */
public final class CallRecordsBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, String> options;

	private final LoopbackRest rest;

	private CallRecordsBenchmark(Map<String, String> options) {
		this.options = options;
		this.rest = new LoopbackRest(option("server", "http://127.0.0.1:8080"));
		LoopbackRest.requireLoopback(
				URI.create(option("jdbc", "jdbc:postgresql://127.0.0.1:54329/postgres").substring(5)).getHost());
	}

	public static void main(String[] args) throws Exception {
		new CallRecordsBenchmark(LoopbackRest.options(args)).run();
		System.exit(0);
	}

	private void run() throws Exception {
		String[] account;
		Instant end;
		try (Connection db = DriverManager.getConnection(option("jdbc", "jdbc:postgresql://127.0.0.1:54329/postgres"),
				option("user", "postgres"), option("password", "postgres"))) {
			if (this.options.containsKey("seed")) {
				int count = Integer.parseInt(this.options.get("seed"));
				long started = System.nanoTime();
				CallRecordsSeed.seed(db, count, Instant.now());
				System.out.printf("seeded %,d call records in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
			}
			account = CallRecordsSeed.account(db)
				.orElseThrow(() -> new IllegalStateException("No benchmark account: run with --seed first"));
			try (Statement query = db.createStatement();
					ResultSet row = query.executeQuery(
							"SELECT max(created_at), count(*) FROM call WHERE account_id = '" + account[0] + "'")) {
				row.next();
				end = row.getTimestamp(1).toInstant();
				System.out.printf("benchmark account %s holds %,d call records%n", account[0], row.getLong(2));
			}
		}
		String token = token(account[0], account[1]);
		int requests = Integer.parseInt(option("requests", "300"));
		int warmUp = Integer.parseInt(option("warm-up", "30"));
		String range = "&startedAfter=" + end.minus(Duration.ofDays(75)) + "&startedBefore="
				+ end.minus(Duration.ofDays(15));
		LatencyStats first = new LatencyStats();
		LatencyStats next = new LatencyStats();
		LatencyStats unfiltered = new LatencyStats();
		for (int k = 0; k < warmUp + requests; k++) {
			boolean measured = k >= warmUp;
			String pair = "from=user-" + (k % CallRecordsSeed.USERS) + "&to=user-" + ((k * 7 + 3) % CallRecordsSeed.USERS);
			JsonNode page = timed("/v1/calls?limit=100&" + pair + range, token, measured ? first : null);
			String cursor = page.get("nextCursor").asString();
			timed("/v1/calls?limit=100&" + pair + range + "&cursor=" + encode(cursor), token, measured ? next : null);
			timed("/v1/calls?limit=100" + range, token, measured ? unfiltered : null);
		}
		report("first page: account + 60 days + from + to, limit 100", first);
		report("next page through its cursor", next);
		report("account + 60 days only, limit 100", unfiltered);
	}

	/** GETs the page, checks it is a full page, and records the latency when a recorder is given. */
	private JsonNode timed(String path, String token, LatencyStats stats) throws Exception {
		JsonNode page = this.rest.get(path, token, stats);
		if (page.get("data").size() != 100) {
			throw new IllegalStateException(path + " answered " + page.get("data").size() + " rows, not 100");
		}
		return page;
	}

	private static void report(String what, LatencyStats stats) {
		System.out.printf("%-55s n=%d  p50=%6.1f ms  p95=%6.1f ms  p99=%6.1f ms%n", what, stats.count(),
				stats.percentileMillis(50), stats.percentileMillis(95), stats.percentileMillis(99));
	}

	/** An account REST token (PROTOCOL §1), valid for an hour. */
	static String token(String accountId, String secret) throws GeneralSecurityException {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		long now = Instant.now().getEpochSecond();
		String header = base64.encodeToString(
				"{\"typ\":\"JWT\",\"alg\":\"HS256\",\"cty\":\"oncaller-api;v=1\"}".getBytes(StandardCharsets.UTF_8));
		String claims = base64.encodeToString(JSON.writeValueAsBytes(Map.of("jti", UUID.randomUUID().toString(), "iss",
				accountId, "iat", now, "exp", now + 3600, "rest_api", true)));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		byte[] signature = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
		return header + "." + claims + "." + base64.encodeToString(signature);
	}

	private String option(String name, String fallback) {
		return this.options.getOrDefault(name, fallback);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
