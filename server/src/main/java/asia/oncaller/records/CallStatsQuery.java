package asia.oncaller.records;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import asia.oncaller.auth.RestIdentity;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The charts' numbers in one SQL statement: one pass over the tenant's calls of the range (an
 * index-only scan of V17's index), grouped twice at once with {@code GROUPING SETS}: by local hour
 * of the chosen time zone, and by end reason of the calls that ended unanswered.
 */
@Component
class CallStatsQuery {

	private static final String SQL = """
			SELECT hour, reason, GROUPING(hour) AS by_reason,
			       count(*) AS calls,
			       count(answered_at) AS answered,
			       count(*) FILTER (WHERE answered_at IS NULL AND ended_at IS NOT NULL) AS failed,
			       count(ended_at) FILTER (WHERE answered_at IS NOT NULL) AS talked,
			       coalesce(sum(extract(epoch FROM ended_at - answered_at)), 0) AS talk_seconds,
			       coalesce(sum(cost), 0) AS cost
			  FROM (SELECT date_trunc('hour', created_at AT TIME ZONE :zone) AS hour,
			               CASE WHEN answered_at IS NULL AND ended_at IS NOT NULL THEN end_reason END AS reason,
			               answered_at, ended_at, cost
			          FROM call
			         WHERE %s AND created_at >= :from AND created_at < :to) AS range_calls
			 GROUP BY GROUPING SETS ((hour), (reason))
			""";

	private final NamedParameterJdbcTemplate jdbc;

	CallStatsQuery(DataSource dataSource) {
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
	}

	/** The hour rows and the failure rows of the range, sparse: hours with no call are absent. */
	Rows read(RestIdentity tenant, CallStatsRange range) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("account", tenant.accountId())
			.addValue("zone", range.zone().getId())
			.addValue("from", range.from().atOffset(ZoneOffset.UTC))
			.addValue("to", range.to().atOffset(ZoneOffset.UTC));
		String where = "account_id = :account";
		if (tenant.isProject()) {
			where += " AND project_id = :project";
			parameters.addValue("project", tenant.projectId());
		}
		List<Hour> hours = new ArrayList<>();
		List<Failure> failures = new ArrayList<>();
		this.jdbc.query(SQL.formatted(where), parameters, (row) -> {
			if (row.getInt("by_reason") == 0) {
				hours.add(new Hour(row.getObject("hour", LocalDateTime.class), row.getLong("calls"),
						row.getLong("answered"), row.getLong("failed"), row.getLong("talked"),
						row.getBigDecimal("talk_seconds"), row.getBigDecimal("cost")));
			}
			else if (row.getString("reason") != null) {
				failures.add(new Failure(row.getString("reason"), row.getLong("failed")));
			}
		});
		return new Rows(hours, failures);
	}

	/** What {@link #read} found. */
	record Rows(List<Hour> hours, List<Failure> failures) {
	}

	/**
	 * The calls created in one local hour.
	 * @param talked the answered calls that have ended, whose talk time {@code talkSeconds} sums
	 */
	record Hour(LocalDateTime start, long calls, long answered, long failed, long talked, BigDecimal talkSeconds,
			BigDecimal cost) {
	}

	/** How many calls ended unanswered for one reason. */
	record Failure(String reason, long calls) {
	}

}
