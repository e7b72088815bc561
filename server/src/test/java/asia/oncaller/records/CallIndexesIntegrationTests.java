package asia.oncaller.records;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import asia.oncaller.RepositoryTest;
import asia.oncaller.api.Keyset;
import asia.oncaller.auth.RestIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexes of {@code call} and the plans of the records' and charts' queries on real
 * PostgreSQL (docs/performance.md, "Fewer indexes on call"). Every index costs each call three
 * entries (created, answered, ended), so the table has only those a query needs at scale. The
 * plans are those of one busy account: its calls are most of what the planner's statistics see
 * (an account with a handful of calls makes any index look as good as another), and sequential
 * and bitmap scans are off, since which index serves is the question, not whether reading a small
 * test table whole would be cheaper. The listing must read an index in its order, with no sort
 * however many calls the account has, and the charts' sums must read an index alone.
 */
@RepositoryTest
class CallIndexesIntegrationTests {

	/** Calls of the busy account, over the last 30 days. */
	private static final int CALLS = 6000;

	private static final CallRecordFilter NO_FILTER = CallRecordFilter.of(null, null, null, null, null, null, null);

	@Autowired
	JdbcTemplate jdbc;

	private final String account = "AC" + hex();

	/** A project with one call in ten of the account's; the others are in a second project. */
	private final String project = "PJ" + hex();

	@BeforeEach
	void busyAccountAndOnlyIndexPaths() {
		String other = "PJ" + hex();
		this.jdbc.update("INSERT INTO account (id, name, secret, balance, currency) VALUES (?, 'Busy', ?, 0, 'USD')",
				this.account, hex() + hex());
		for (String id : List.of(this.project, other)) {
			this.jdbc.update("""
					INSERT INTO project (id, account_id, name, api_key_sid, api_key_secret, signing_secret)
					VALUES (?, ?, 'App', ?, ?, ?)""", id, this.account, "SK" + hex(), hex() + hex(), hex() + hex());
		}
		this.jdbc.update("""
				INSERT INTO call (id, account_id, project_id, direction, status, from_number, from_type, to_number,
				  to_type, created_at, answered_at, ended_at, end_reason, cost)
				SELECT 'call-' || md5(random()::text || i), ?, CASE WHEN i % 10 = 0 THEN ? ELSE ? END, 'APP_TO_APP',
				  'ENDED', 'user-' || (i % 50), 'INTERNAL', 'user-' || (i / 50 % 50), 'INTERNAL', t,
				  t + interval '3 seconds', t + interval '1 minute', 'Ended', 0.01
				FROM (SELECT i, now() - i * interval '30 days' / ? AS t FROM generate_series(1, ?) AS i) AS g""",
				this.account, this.project, other, CALLS, CALLS);
		// ANALYZE samples this transaction's own rows too; its statistics roll back with them.
		this.jdbc.execute("ANALYZE call");
		this.jdbc.execute("SET LOCAL enable_seqscan = off");
		this.jdbc.execute("SET LOCAL enable_bitmapscan = off");
	}

	@Test
	void callHasTheIndexesItsQueriesNeedAndNoOther() {
		assertThat(this.jdbc.queryForList(
				"SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'call'",
				String.class))
			.containsExactlyInAnyOrder("call_pkey", "call_account_created_idx", "call_project_created_idx",
					"call_account_from_created_idx", "call_account_to_created_idx", "call_account_live_idx",
					"call_ring_deadline_idx", "call_connect_deadline_idx", "call_caller_connection_idx",
					"call_answered_connection_idx", "call_caller_away_idx", "call_callee_away_idx");
		assertThat(this.jdbc.queryForObject("SELECT indexdef FROM pg_indexes "
				+ "WHERE schemaname = current_schema() AND indexname = 'call_account_created_idx'", String.class))
			.endsWith("(account_id, created_at DESC, id DESC) INCLUDE (project_id, answered_at, ended_at, cost, end_reason)");
	}

	@Test
	void anAccountsListingReadsItsIndexInOrderOnEveryPage() {
		assertThat(page(RestIdentity.account(this.account), NO_FILTER, null))
			.contains("Index Scan using call_account_created_idx")
			.doesNotContain("Sort");
		assertThat(page(RestIdentity.account(this.account), NO_FILTER, new Keyset(Instant.now(), "call-x")))
			.contains("Index Scan using call_account_created_idx")
						.contains("ROW(created_at, (id)::text) < ROW(")
			.doesNotContain("Sort");
	}

	@Test
	void aProjectsListingReadsTheProjectIndexInOrder() {
		assertThat(page(RestIdentity.project(this.account, this.project), NO_FILTER, null))
			.contains("Index Scan using call_project_created_idx")
			.doesNotContain("Sort");
	}

	@Test
	void theCallerAndCalleeFiltersHaveTheirIndexes() {
		assertThat(page(RestIdentity.account(this.account), CallRecordFilter.of("alice", null, null, null, null, null, null),
				null))
			.contains("Index Scan using call_account_from_created_idx")
			.doesNotContain("Sort");
		assertThat(page(RestIdentity.account(this.account), CallRecordFilter.of(null, "bob", null, null, null, null, null),
				null))
			.contains("Index Scan using call_account_to_created_idx")
			.doesNotContain("Sort");
	}

	@Test
	void rollingUpHoursReadsTheListingIndexAlone() {
		OffsetDateTime to = OffsetDateTime.now(ZoneOffset.UTC).withMinute(0).withSecond(0).withNano(0);
		String plan = String.join("\n", this.jdbc.queryForList("EXPLAIN (COSTS OFF) " + CallStatsRollup.ROLL_UP,
				String.class, this.account, to.minusHours(24), to));
		assertThat(plan).contains("Index Only Scan using call_account_created_idx");
	}

	@Test
	void theRawCallsOfTheChartsAreReadFromTheListingIndexAlone() {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		MapSqlParameterSource parameters = new MapSqlParameterSource("account", this.account)
			.addValue("project", this.project)
			.addValue("zone", "Europe/Paris")
			.addValue("from0", now.minusMinutes(70))
			.addValue("to0", now.minusMinutes(50))
			.addValue("from1", now.minusMinutes(20))
			.addValue("to1", now);
		String range = "created_at >= :from1 AND created_at < :to1";
		assertThat(explain(CallStatsQuery.RAW.formatted("account_id = :account", range), parameters))
			.contains("Index Only Scan using call_account_created_idx");
		// A project token's: the account's index alone, or its project's calls of the range.
		assertThat(explain(CallStatsQuery.RAW.formatted("account_id = :account AND project_id = :project", range),
				parameters))
			.containsPattern("Index (Only )?Scan using call_(account|project)_created_idx")
			.containsPattern("Index Cond: .*created_at >= .*created_at < ");
		// Ranges apart (rolled-up hours between them) are one index range each, read as bitmaps.
		this.jdbc.execute("SET LOCAL enable_bitmapscan = on");
		String ranges = "created_at >= :from0 AND created_at < :to0 OR " + range;
		assertThat(explain(CallStatsQuery.RAW.formatted("account_id = :account", ranges), parameters))
			.contains("BitmapOr")
			.contains("Bitmap Index Scan on call_account_created_idx")
			.doesNotContain("call_account_to_created_idx", "call_account_from_created_idx");
	}

	private String page(RestIdentity tenant, CallRecordFilter filter, Keyset after) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("limit", 101);
		return explain(CallRecordQuery.pageSql(tenant, filter, after, parameters), parameters);
	}

	private static String hex() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	private String explain(String sql, MapSqlParameterSource parameters) {
		List<String> plan = new NamedParameterJdbcTemplate(this.jdbc).queryForList("EXPLAIN (COSTS OFF) " + sql,
				parameters, String.class);
		return String.join("\n", plan);
	}

}
