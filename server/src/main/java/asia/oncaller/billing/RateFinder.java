package asia.oncaller.billing;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import asia.oncaller.numbers.PhoneNumber;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the rate of a call: among the account's rates of the call's type, the one with the
 * longest prefix of the destination. The destination is compared without a leading {@code +};
 * the empty prefix matches every destination, app user ids included. The rates are read over
 * plain JDBC: this look-up is part of every {@code call.make}'s placement, where a JPA query cost
 * far more than its statement (docs/performance.md, "Where a call cycle's CPU went").
 */
@Component
public class RateFinder {

	private static final String BY_ACCOUNT_AND_TYPE = """
			SELECT id, account_id, call_type, prefix, price_per_minute, billing_increment_seconds, connection_fee,
			  currency, created_at, version
			FROM rate WHERE account_id = ? AND call_type = ?""";

	private final JdbcTemplate jdbc;

	RateFinder(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The rate that prices a call to {@code destination}, if any. */
	public Optional<Rate> find(String accountId, RatedCallType callType, String destination) {
		List<Rate> rates = this.jdbc.query(BY_ACCOUNT_AND_TYPE,
				(rs, row) -> new Rate(rs.getString(1), rs.getString(2), RatedCallType.valueOf(rs.getString(3)),
						rs.getString(4), rs.getBigDecimal(5), rs.getInt(6), rs.getBigDecimal(7), rs.getString(8),
						rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getLong(10)),
				accountId, callType.name());
		return longestPrefix(rates, destination);
	}

	/** Of {@code rates}, the one whose prefix is the longest that {@code destination} starts with. */
	static Optional<Rate> longestPrefix(Collection<Rate> rates, String destination) {
		String digits = PhoneNumber.digits(destination);
		return rates.stream()
			.filter((rate) -> digits.startsWith(rate.getPrefix()))
			.max(Comparator.comparingInt((Rate rate) -> rate.getPrefix().length()));
	}

}
