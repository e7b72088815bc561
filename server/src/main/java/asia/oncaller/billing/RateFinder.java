package asia.oncaller.billing;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

import asia.oncaller.numbers.PhoneNumber;

import org.springframework.stereotype.Component;

/**
 * Finds the rate of a call: among the account's rates of the call's type, the one with the
 * longest prefix of the destination. The destination is compared without a leading {@code +};
 * the empty prefix matches every destination, app user ids included.
 */
@Component
public class RateFinder {

	private final RateRepository rates;

	RateFinder(RateRepository rates) {
		this.rates = rates;
	}

	/** The rate that prices a call to {@code destination}, if any. */
	public Optional<Rate> find(String accountId, RatedCallType callType, String destination) {
		return longestPrefix(this.rates.findByAccountIdAndCallType(accountId, callType), destination);
	}

	/** Of {@code rates}, the one whose prefix is the longest that {@code destination} starts with. */
	static Optional<Rate> longestPrefix(Collection<Rate> rates, String destination) {
		String digits = PhoneNumber.digits(destination);
		return rates.stream()
			.filter((rate) -> digits.startsWith(rate.getPrefix()))
			.max(Comparator.comparingInt((Rate rate) -> rate.getPrefix().length()));
	}

}
