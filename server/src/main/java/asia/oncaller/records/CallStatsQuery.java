package asia.oncaller.records;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
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
 * The charts' numbers per local hour and end reason: from the rolled-up slices of finished hours
 * ({@link CallStatsRollup}), and from the raw calls of the rest (hours not rolled up, and the
 * parts of the range's first and last slices that a slice would overrun), read in one snapshot so
 * that no call is counted twice or missed while an hour is being rolled up. Both are summed by
 * local hour in SQL, so that at most a few rows per hour of the range reach Java.
 */
@Component
class CallStatsQuery {

	private static final long SLICE_SECONDS = Duration.ofMinutes(15).toSeconds();

	/** Every zone's offset is a whole number of quarter hours: a slice lies in one local hour. */
	private static final String ROLLED = """
			SELECT date_trunc('hour', slice AT TIME ZONE :zone) AS hour, reason, sum(calls) AS calls,
			       sum(answered) AS answered, sum(failed) AS failed, sum(talked) AS talked,
			       sum(talk_seconds) AS talk_seconds, sum(cost) AS cost
			  FROM call_stats_slice WHERE account_id = :account AND project_id = :slices AND slice >= :from AND slice < :to
			 GROUP BY 1, 2""";

	static final String RAW = "SELECT date_trunc('hour', created_at AT TIME ZONE :zone) AS hour, "
			+ CallStatsSql.REASON + " AS reason, " + CallStatsSql.SUMS + " FROM call WHERE %s AND (%s) GROUP BY 1, 2";

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

	/** The sums of the tenant's calls in the range per local hour and reason, sparse: hours with no call are absent. */
	List<HourSums> read(RestIdentity tenant, CallStatsRange range) {
		this.rollup.rollUp(tenant.accountId(), range);
		return this.snapshot.execute((status) -> {
			// The zone is a checked region name (CallStatsRange), which PostgreSQL reads as Java does.
			MapSqlParameterSource parameters = new MapSqlParameterSource("account", tenant.accountId())
				.addValue("zone", range.zone().getId());
			String tenantSql = "account_id = :account";
			if (tenant.isProject()) {
				tenantSql += " AND project_id = :project";
				parameters.addValue("project", tenant.projectId());
			}
			Set<Instant> rolled = CallStatsRollup.rolled(this.jdbc.getJdbcTemplate(), tenant.accountId(),
					CallStatsRollup.hour(range.from()), range.to());
			List<HourSums> hours = new ArrayList<>(this.jdbc.query(ROLLED,
					new MapSqlParameterSource(parameters.getValues())
						.addValue("slices", tenant.isProject() ? tenant.projectId() : CallStatsRollup.ACCOUNT_WIDE)
						.addValue("from", CallStatsRollup.utc(ceil(range.from())))
						.addValue("to", CallStatsRollup.utc(floor(range.to()))),
					(row, number) -> HourSums.read(row)));
			List<Instant[]> raw = rawRanges(range, rolled);
			if (!raw.isEmpty()) {
				List<String> ranges = new ArrayList<>();
				for (int i = 0; i < raw.size(); i++) {
					ranges.add("created_at >= :from" + i + " AND created_at < :to" + i);
					parameters.addValue("from" + i, CallStatsRollup.utc(raw.get(i)[0]));
					parameters.addValue("to" + i, CallStatsRollup.utc(raw.get(i)[1]));
				}
				hours.addAll(this.jdbc.query(RAW.formatted(tenantSql, String.join(" OR ", ranges)), parameters,
						(row, number) -> HourSums.read(row)));
			}
			return hours;
		});
	}

	/**
	 * What the rolled-up slices do not cover: a UTC hour not rolled up, and of a rolled-up hour
	 * the bits before its first and after its last whole slice within the range.
	 */
	static List<Instant[]> rawRanges(CallStatsRange range, Set<Instant> rolled) {
		List<Instant[]> raw = new ArrayList<>();
		for (Instant hour = CallStatsRollup.hour(range.from()); hour.isBefore(range.to()); hour = hour
			.plus(CallStatsRollup.HOUR)) {
			Instant start = max(range.from(), hour);
			Instant end = min(range.to(), hour.plus(CallStatsRollup.HOUR));
			Instant wholeFrom = ceil(start);
			Instant wholeTo = floor(end);
			if (rolled.contains(hour) && wholeFrom.isBefore(wholeTo)) {
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

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/**
	 * The calls created in one local hour that count under one reason.
	 * @param reason how those calls ended unanswered, or {@code ""} for the other calls
	 * @param talked the answered calls that have ended, whose talk time {@code talkSeconds} sums
	 */
	record HourSums(LocalDateTime hour, String reason, long calls, long answered, long failed, long talked,
			BigDecimal talkSeconds, BigDecimal cost) {

		static HourSums read(ResultSet row) throws SQLException {
			return new HourSums(row.getObject("hour", LocalDateTime.class), row.getString("reason"),
					row.getLong("calls"), row.getLong("answered"), row.getLong("failed"), row.getLong("talked"),
					row.getBigDecimal("talk_seconds"), row.getBigDecimal("cost"));
		}

	}

}
