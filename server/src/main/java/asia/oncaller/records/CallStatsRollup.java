package asia.oncaller.records;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import asia.oncaller.database.LongReads;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rolls up an account's finished UTC days into {@code call_stats_slice}, once each. A day is
 * finished when it ended {@link #SETTLE} ago and no call created in it is still in progress: a
 * call's counted columns (answer, end, cost, reason) never change once it has ended, and no call
 * is created in the past, so the day's slices stay true. Two requests rolling up the same day
 * meet on {@code call_stats_day}'s key: the second waits for the first and then skips the day.
 */
@Component
class CallStatsRollup {

	/** Longer than any call-creating transaction takes to commit after its {@code created_at}. */
	static final Duration SETTLE = Duration.ofMinutes(5);

	/** A day of a very busy account may take longer to read than a request's database timeout. */
	private static final Duration ROLL_UP_READ_TIMEOUT = Duration.ofMinutes(2);

	private static final String ROLL_UP = """
			INSERT INTO call_stats_slice (account_id, project_id, slice, reason, calls, answered, failed, talked,
			  talk_seconds, cost)
			SELECT account_id, project_id, %s, %s, %s
			  FROM call WHERE account_id = ? AND created_at >= ? AND created_at < ?
			 GROUP BY 1, 2, 3, 4""".formatted(CallStatsSql.SLICE, CallStatsSql.REASON, CallStatsSql.SUMS);

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

	/** Rolls up the finished days of the account that the range touches and are not yet. */
	void rollUp(String accountId, CallStatsRange range) {
		Instant finished = this.clock.instant().minus(SETTLE);
		OffsetDateTime oldestLive = this.jdbc.queryForObject("SELECT min(created_at) FROM call WHERE account_id = ? "
				+ "AND status IN ('CALLING', 'RINGING', 'ANSWERED')", OffsetDateTime.class, accountId);
		if (oldestLive != null && oldestLive.toInstant().isBefore(finished)) {
			finished = oldestLive.toInstant();
		}
		LocalDate first = day(range.from());
		LocalDate last = day(range.to().minusNanos(1));
		Set<LocalDate> done = new HashSet<>(this.jdbc.queryForList(
				"SELECT day FROM call_stats_day WHERE account_id = ? AND day BETWEEN ? AND ?", LocalDate.class,
				accountId, first, last));
		for (LocalDate day = first; !day.isAfter(last) && !start(day.plusDays(1)).isAfter(finished); day = day
			.plusDays(1)) {
			if (!done.contains(day)) {
				rollUp(accountId, day);
			}
		}
	}

	private void rollUp(String accountId, LocalDate day) {
		this.transactions.executeWithoutResult((status) -> {
			int claimed = this.jdbc.update(
					"INSERT INTO call_stats_day (account_id, day) VALUES (?, ?) ON CONFLICT DO NOTHING", accountId, day);
			if (claimed == 1) {
				LongReads.allowInTransaction(this.dataSource, ROLL_UP_READ_TIMEOUT);
				this.jdbc.update(ROLL_UP, accountId, utc(start(day)), utc(start(day.plusDays(1))));
			}
		});
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

	static Instant start(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}
