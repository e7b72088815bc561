package asia.oncaller.billing;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * How long an answered call may last, counted from its answer, and what that time holds back
 * of the account's balance until the call ends. A priced call is granted time in chunks (like a
 * prepaid switch's credit control): a chunk at the answer, then another shortly before the
 * granted time runs out, each only as far as the available balance pays; when it pays no more,
 * the call is cut at the end of its grant. Several calls of one account thus share its balance
 * instead of the first one holding all of it.
 *
 * @param seconds the answered time granted so far; {@code null} when the call may last any time
 * @param reserved what the granted time costs, held out of the available balance while the call
 * lasts; a call is never charged more than this
 */
public record Grant(Integer seconds, BigDecimal reserved) {

	/** The grant of a call nobody prices: its maxConnectTime, or no limit. */
	public static Grant unpriced(Integer maxConnectSeconds) {
		return new Grant(maxConnectSeconds, Charge.NONE.cost());
	}

	/**
	 * The grant of a priced call at its answer ({@code grantedSeconds} 0) or at a renewal: up to
	 * {@code chunk} more, rounded up to whole increments, never beyond {@code maxConnectSeconds}
	 * and never more than {@code payable} covers; time once granted stays granted.
	 * @param payable the account's available balance plus what this call already reserves
	 * @param maxConnectSeconds the SCCO's maxConnectTime, or {@code null} for no limit
	 */
	public static Grant next(Tariff tariff, int grantedSeconds, BigDecimal payable, Integer maxConnectSeconds,
			Duration chunk) {
		long target = tariff.billedSeconds(Duration.ofSeconds(grantedSeconds).plus(chunk));
		if (maxConnectSeconds != null) {
			target = Math.min(target, maxConnectSeconds);
		}
		long seconds = Math.max(grantedSeconds, Math.min(target, tariff.affordableSeconds(payable)));
		return new Grant(Math.toIntExact(seconds), tariff.cost(tariff.billedSeconds(Duration.ofSeconds(seconds))));
	}

}
