package asia.oncaller.records;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import asia.oncaller.auth.RestIdentity;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The charts' numbers as 15-minute slices of the range: the rolled-up slices of finished days
 * ({@link CallStatsRollup}), and the raw calls of the rest (days not rolled up, and the parts of
 * the range's first and last slices that a slice would overrun), read in one snapshot so that no
 * call is counted twice or missed while a day is being rolled up.
 */
@Component
class CallStatsQuery {

	private static final long SLICE_SECONDS = Duration.ofMinutes(15).toSeconds();

	private static final String ROLLED = """
			SELECT slice, reason, sum(calls) AS calls, sum(answered) AS answered, sum(failed) AS failed,
			       sum(talked) AS talked, sum(talk_seconds) AS talk_seconds, sum(cost) AS cost
			  FROM call_stats_slice WHERE %s AND slice >= :from AND slice < :to
			 GROUP BY slice, reason""";

	private static final String RAW = "SELECT " + CallStatsSql.SLICE + " AS slice, " + CallStatsSql.REASON
			+ " AS reason, " + CallStatsSql.SUMS + " FROM call WHERE %s AND (%s) GROUP BY 1, 2";

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate snapshot;

	private final CallStatsRollup rollup;

	CallStatsQuery(DataSource dataSource, PlatformTransactionManager transactions, CallStatsRollup rollup) {
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.rollup = rollup;
	}

	/** The slices of the tenant's calls in the range, sparse: slices with no call are absent. */
	List<Slice> read(RestIdentity tenant, CallStatsRange range) {
		this.rollup.rollUp(tenant.accountId(), range);
		return this.snapshot.execute((status) -> {
			MapSqlParameterSource parameters = new MapSqlParameterSource("account", tenant.accountId());
			String tenantSql = "account_id = :account";
			if (tenant.isProject()) {
				tenantSql += " AND project_id = :project";
				parameters.addValue("project", tenant.projectId());
			}
			Set<LocalDate> rolled = new HashSet<>(this.jdbc.queryForList(
					"SELECT day FROM call_stats_day WHERE account_id = :account AND day BETWEEN :first AND :last",
					new MapSqlParameterSource("account", tenant.accountId())
						.addValue("first", CallStatsRollup.day(range.from()))
						.addValue("last", CallStatsRollup.day(range.to().minusNanos(1))),
					LocalDate.class));
			List<Slice> slices = new ArrayList<>(this.jdbc.query(ROLLED.formatted(tenantSql),
					new MapSqlParameterSource(parameters.getValues())
						.addValue("from", utc(ceil(range.from())))
						.addValue("to", utc(floor(range.to()))),
					(row, number) -> Slice.read(row)));
			List<Instant[]> raw = rawRanges(range, rolled);
			if (!raw.isEmpty()) {
				List<String> ranges = new ArrayList<>();
				for (int i = 0; i < raw.size(); i++) {
					ranges.add("created_at >= :from" + i + " AND created_at < :to" + i);
					parameters.addValue("from" + i, utc(raw.get(i)[0]));
					parameters.addValue("to" + i, utc(raw.get(i)[1]));
				}
				slices.addAll(this.jdbc.query(RAW.formatted(tenantSql, String.join(" OR ", ranges)), parameters,
						(row, number) -> Slice.read(row)));
			}
			return slices;
		});
	}

	/**
	 * What the rolled-up slices do not cover: a day not rolled up whole, and of a rolled-up day
	 * the bits before its first and after its last whole slice within the range.
	 */
	static List<Instant[]> rawRanges(CallStatsRange range, Set<LocalDate> rolled) {
		List<Instant[]> raw = new ArrayList<>();
		LocalDate last = CallStatsRollup.day(range.to().minusNanos(1));
		for (LocalDate day = CallStatsRollup.day(range.from()); !day.isAfter(last); day = day.plusDays(1)) {
			Instant start = max(range.from(), CallStatsRollup.start(day));
			Instant end = min(range.to(), CallStatsRollup.start(day.plusDays(1)));
			Instant wholeFrom = ceil(start);
			Instant wholeTo = floor(end);
			if (rolled.contains(day) && wholeFrom.isBefore(wholeTo)) {
				add(raw, start, wholeFrom);
				add(raw, wholeTo, end);
			}
			else {
				add(raw, start, end);
			}
		}
		return raw;
	}

	/** Adds a range, joined to the previous one when they meet. */
	private static void add(List<Instant[]> ranges, Instant from, Instant to) {
		if (!from.isBefore(to)) {
			return;
		}
		if (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1].equals(from)) {
			ranges.get(ranges.size() - 1)[1] = to;
		}
		else {
			ranges.add(new Instant[] { from, to });
		}
	}

	private static Instant floor(Instant instant) {
		return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), SLICE_SECONDS) * SLICE_SECONDS);
	}

	private static Instant ceil(Instant instant) {
		Instant floor = floor(instant);
		return floor.equals(instant) ? floor : floor.plusSeconds(SLICE_SECONDS);
	}

	/** PostgreSQL reads an OffsetDateTime as the instant it is, whatever the session's time zone. */
	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/**
	 * The calls created in one 15-minute slice that count under one reason.
	 * @param reason how those calls ended unanswered, or {@code ""} for the other calls
	 * @param talked the answered calls that have ended, whose talk time {@code talkSeconds} sums
	 */
	record Slice(Instant start, String reason, long calls, long answered, long failed, long talked,
			BigDecimal talkSeconds, BigDecimal cost) {

		static Slice read(ResultSet row) throws SQLException {
			return new Slice(row.getObject("slice", OffsetDateTime.class).toInstant(), row.getString("reason"), row.getLong("calls"),
					row.getLong("answered"), row.getLong("failed"), row.getLong("talked"),
					row.getBigDecimal("talk_seconds"), row.getBigDecimal("cost"));
		}

	}

}
