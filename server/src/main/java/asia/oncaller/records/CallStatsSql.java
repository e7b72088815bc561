package asia.oncaller.records;

/**
 * The SQL the charts' numbers are made of, in one place, so that rolling up a day and reading
 * the raw calls of a day not rolled up count alike: the 15-minute slice a call was created in,
 * the reason it counts under, and the sums.
 */
final class CallStatsSql {

	/** The start of the call's 15-minute slice; plain arithmetic, for any PostgreSQL version. */
	static final String SLICE = "to_timestamp(floor(extract(epoch FROM created_at) / 900) * 900)";

	/** How a call that ended unanswered ended; '' for every other call. */
	static final String REASON = "CASE WHEN answered_at IS NULL AND ended_at IS NOT NULL "
			+ "THEN coalesce(end_reason, 'Unknown') ELSE '' END";

	/** The sums, named as the columns of {@code call_stats_slice}. */
	static final String SUMS = """
			count(*) AS calls, count(answered_at) AS answered,
			count(*) FILTER (WHERE answered_at IS NULL AND ended_at IS NOT NULL) AS failed,
			count(ended_at) FILTER (WHERE answered_at IS NOT NULL) AS talked,
			coalesce(sum(extract(epoch FROM ended_at - answered_at)), 0) AS talk_seconds,
			coalesce(sum(cost), 0) AS cost""";

	private CallStatsSql() {
	}

}
