package asia.oncaller.billing;

import java.math.BigDecimal;

/**
 * What a call is billed: its answered time rounded up to whole increments, and what that costs.
 *
 * @param billedSeconds the seconds charged, a multiple of the billing increment
 * @param cost the amount debited, at least zero, 6 decimals
 */
public record Charge(int billedSeconds, BigDecimal cost) {

	/** An unanswered call, or a call nobody prices. */
	public static final Charge NONE = new Charge(0, BigDecimal.ZERO.setScale(Tariff.MONEY_SCALE));

}
