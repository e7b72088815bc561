package asia.oncaller.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** What a rate charges: whole billing increments at the price per minute, plus the connection fee. */
public final class Tariff {

	private static final int MONEY_SCALE = 6;

	private static final BigDecimal SECONDS_PER_MINUTE = BigDecimal.valueOf(60);

	private Tariff() {
	}

	/** The cost of the first increment of a call: what its balance must cover before it rings. */
	public static BigDecimal firstIncrementCost(Rate rate) {
		return rate.getConnectionFee().add(incrementPrice(rate)).setScale(MONEY_SCALE, RoundingMode.HALF_UP);
	}

	private static BigDecimal incrementPrice(Rate rate) {
		return rate.getPricePerMinute()
			.multiply(BigDecimal.valueOf(rate.getBillingIncrementSeconds()))
			.divide(SECONDS_PER_MINUTE, MONEY_SCALE, RoundingMode.HALF_UP);
	}

}
