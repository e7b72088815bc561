package asia.oncaller.records;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import asia.oncaller.database.LongReads;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rolls up an account's finished UTC hours into {@code call_stats_slice}, once each. An hour is
 * finished when it ended {@link #SETTLE} ago and no call created in it is still in progress: a
 * call's counted columns (answer, end, cost, reason) never change once it has ended, and no call
 * is created in the past, so the hour's slices stay true. Hours rather than days, so that a
 * request reads the raw calls of the last hour or so, not of all of today. Two requests rolling up
 * the same hour meet on {@code call_stats_hour}'s key: the second waits for the first and then
 * skips the hour.
 */
@Component
class CallStatsRollup {

	/** Longer than any call-creating transaction takes to commit after its {@code created_at}. */
	static final Duration SETTLE = Duration.ofMinutes(5);

	static final Duration HOUR = Duration.ofHours(1);

	/** The most hours one transaction rolls up: a first request over a month does it a day at a time. */
	private static final int HOURS_PER_TRANSACTION = 24;

	/** A day of a very busy account may take longer to read than a request's database timeout. */
	private static final Duration ROLL_UP_READ_TIMEOUT = Duration.ofMinutes(2);

	private static final String CLAIM = """
			INSERT INTO call_stats_hour (account_id, hour)
			SELECT ?, generate_series(?::timestamptz, ?::timestamptz, interval '1 hour')
			ON CONFLICT DO NOTHING RETURNING hour""";

	/** A project token reads its project's rows of the account. */
	static final String ACCOUNT_WIDE = "";

	/**
	 * Each slice per project, and once more for the whole account ({@link #ACCOUNT_WIDE}), so that
	 * an account token's chart reads one row where it would sum one per project.
	 */
	static final String ROLL_UP = """
			INSERT INTO call_stats_slice (account_id, project_id, slice, reason, calls, answered, failed, talked,
			  talk_seconds, cost)
			SELECT account_id, coalesce(project_id, '%4$s'), %1$s, %2$s, %3$s
			  FROM call WHERE account_id = ? AND created_at >= ? AND created_at < ?
			 GROUP BY account_id, %1$s, %2$s, GROUPING SETS ((project_id), ())"""
		.formatted(CallStatsSql.SLICE, CallStatsSql.REASON, CallStatsSql.SUMS, ACCOUNT_WIDE);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final DataSource dataSource;

	private final Clock clock;

	CallStatsRollup(DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(transactions);
		this.dataSource = dataSource;
		this.clock = clock;
	}

	/** Rolls up the finished hours of the account that the range touches and are not yet. */
	void rollUp(String accountId, CallStatsRange range) {
		Instant finished = this.clock.instant().minus(SETTLE);
		OffsetDateTime oldestLive = this.jdbc.queryForObject("SELECT min(created_at) FROM call WHERE account_id = ? "
				+ "AND status IN ('CALLING', 'RINGING', 'ANSWERED')", OffsetDateTime.class, accountId);
		if (oldestLive != null && oldestLive.toInstant().isBefore(finished)) {
			finished = oldestLive.toInstant();
		}
		Instant first = hour(range.from());
		Instant end = min(range.to(), finished);
		Set<Instant> done = rolled(this.jdbc, accountId, first, end);
		List<Instant> missing = new ArrayList<>();
		for (Instant hour = first; !hour.plus(HOUR).isAfter(finished) && hour.isBefore(range.to()); hour = hour
			.plus(HOUR)) {
			if (!done.contains(hour)) {
				missing.add(hour);
			}
		}
		for (Instant[] run : runs(missing, HOURS_PER_TRANSACTION)) {
			rollUp(accountId, run);
		}
	}

	/** The rolled-up hours of the account that start in [from, to). */
	static Set<Instant> rolled(JdbcTemplate jdbc, String accountId, Instant from, Instant to) {
		return new HashSet<>(jdbc.query("SELECT hour FROM call_stats_hour WHERE account_id = ? AND hour >= ? AND hour < ?",
				(row, number) -> row.getObject(1, OffsetDateTime.class).toInstant(), accountId, utc(from), utc(to)));
	}

	/** Claims the run's hours and rolls up those it claimed (another request may have some already). */
	private void rollUp(String accountId, Instant[] run) {
		this.transactions.executeWithoutResult((status) -> {
			List<Instant> claimed = this.jdbc.query(CLAIM,
					(row, number) -> row.getObject(1, OffsetDateTime.class).toInstant(), accountId, utc(run[0]),
					utc(run[1].minus(HOUR)));
			if (claimed.isEmpty()) {
				return;
			}
			LongReads.allowInTransaction(this.dataSource, ROLL_UP_READ_TIMEOUT);
			for (Instant[] part : runs(claimed.stream().sorted().toList(), HOURS_PER_TRANSACTION)) {
				this.jdbc.update(ROLL_UP, accountId, utc(part[0]), utc(part[1]));
			}
		});
	}

	/** Sorted hours as runs of consecutive hours, [first, last + 1 hour), each at most {@code most} hours. */
	static List<Instant[]> runs(List<Instant> hours, int most) {
		List<Instant[]> runs = new ArrayList<>();
		for (Instant hour : hours) {
			Instant[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
			if (last != null && last[1].equals(hour) && Duration.between(last[0], last[1]).toHours() < most) {
				last[1] = hour.plus(HOUR);
			}
			else {
				runs.add(new Instant[] { hour, hour.plus(HOUR) });
			}
		}
		return runs;
	}

	/** PostgreSQL reads an OffsetDateTime as the instant it is, whatever the session's time zone. */
	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static Instant hour(Instant instant) {
		return instant.truncatedTo(ChronoUnit.HOURS);
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
