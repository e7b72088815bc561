package asia.oncaller.billing;

import java.util.Comparator;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Finds the rate of a call: among the account's rates of the call's type, the one with the
 * longest prefix of the destination. The destination is compared without a leading {@code +}.
 */
@Component
public class RateFinder {

	private final RateRepository rates;

	RateFinder(RateRepository rates) {
		this.rates = rates;
	}

	/** The rate that prices a call to {@code destination}, if any. */
	public Optional<Rate> find(String accountId, RatedCallType callType, String destination) {
		String digits = destination.startsWith("+") ? destination.substring(1) : destination;
		return this.rates.findByAccountIdAndCallType(accountId, callType)
			.stream()
			.filter((rate) -> digits.startsWith(rate.getPrefix()))
			.max(Comparator.comparingInt((Rate rate) -> rate.getPrefix().length()));
	}

}
