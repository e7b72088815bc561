package asia.oncaller.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * What a call costs: the connection fee plus the price per minute for its answered time rounded
 * up to whole billing increments. A copy of a {@link Rate}'s prices, kept on the call from the
 * moment it is placed, so that a rate changed during the call changes nothing for it.
 *
 * @param pricePerMinute the price of 60 seconds, at least zero
 * @param incrementSeconds the billing increment, 1 to 3600 seconds
 * @param connectionFee charged once for an answered call that is billed any time, at least zero
 */
public record Tariff(BigDecimal pricePerMinute, int incrementSeconds, BigDecimal connectionFee) {

	/** The answered time of a call that may last any length of time: it never runs out. */
	public static final long UNLIMITED = Long.MAX_VALUE;

	static final int MONEY_SCALE = 6;

	private static final BigDecimal SECONDS_PER_MINUTE = BigDecimal.valueOf(60);

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	public Tariff {
		Objects.requireNonNull(pricePerMinute, "pricePerMinute");
		Objects.requireNonNull(connectionFee, "connectionFee");
		if (pricePerMinute.signum() < 0 || connectionFee.signum() < 0 || incrementSeconds < 1
				|| incrementSeconds > 3600) {
			throw new IllegalArgumentException("Prices must be at least zero and the increment 1 to 3600 s");
		}
		// 0.60 and 0.600000 (as read back from NUMERIC(19,6)) are one price: equal tariffs.
		pricePerMinute = pricePerMinute.stripTrailingZeros();
		connectionFee = connectionFee.stripTrailingZeros();
	}

	/** The prices of a rate. */
	public static Tariff of(Rate rate) {
		return new Tariff(rate.getPricePerMinute(), rate.getBillingIncrementSeconds(), rate.getConnectionFee());
	}

	/** The cost of the first increment of a call priced by {@code rate}. */
	public static BigDecimal firstIncrementCost(Rate rate) {
		return of(rate).firstIncrementCost();
	}

	/** What a call must be able to pay before it rings: the fee and one increment. */
	public BigDecimal firstIncrementCost() {
		return cost(this.incrementSeconds);
	}

	/**
	 * The answered time rounded up to whole increments: 0 s stays 0, 0.2 s of a 6 s increment is
	 * 6 s, 61 s of a 60 s increment is 120 s. A negative duration (clocks of two nodes) counts as 0.
	 */
	public long billedSeconds(Duration answered) {
		if (answered.isNegative() || answered.isZero()) {
			return 0;
		}
		long incrementNanos = this.incrementSeconds * NANOS_PER_SECOND;
		long wholeSeconds = answered.getSeconds();
		// Whole increments first, then the remainder in nanoseconds: no overflow for long calls.
		long increments = wholeSeconds / this.incrementSeconds;
		long remainderNanos = (wholeSeconds % this.incrementSeconds) * NANOS_PER_SECOND + answered.getNano();
		if (remainderNanos > 0) {
			increments += (remainderNanos + incrementNanos - 1) / incrementNanos;
		}
		return increments * this.incrementSeconds;
	}

	/**
	 * The cost of {@code billedSeconds} (a multiple of the increment): nothing for 0 s, else the
	 * fee plus the price per minute pro rata, rounded half up to 6 decimals once, at the end.
	 */
	public BigDecimal cost(long billedSeconds) {
		if (billedSeconds <= 0) {
			return BigDecimal.ZERO.setScale(MONEY_SCALE);
		}
		// (fee × 60 + price × seconds) / 60 is exact up to the one division, so it rounds once.
		return this.connectionFee.multiply(SECONDS_PER_MINUTE)
			.add(this.pricePerMinute.multiply(BigDecimal.valueOf(billedSeconds)))
			.divide(SECONDS_PER_MINUTE, MONEY_SCALE, RoundingMode.HALF_UP);
	}

	/** What an answered time is billed and costs. */
	public Charge charge(Duration answered) {
		long billed = billedSeconds(answered);
		return new Charge(Math.toIntExact(billed), cost(billed));
	}

	/**
	 * The longest answered time, in whole increments, whose cost {@code amount} covers: 0 when it
	 * does not cover the first increment, {@link #UNLIMITED} when time is free and the fee covered.
	 * Priced time is capped at {@link Integer#MAX_VALUE} seconds (68 years).
	 */
	public long affordableSeconds(BigDecimal amount) {
		if (amount.compareTo(firstIncrementCost()) < 0) {
			return 0;
		}
		if (this.pricePerMinute.signum() == 0) {
			return UNLIMITED;
		}
		// (amount - fee) × 60 / (price × increment), floored: exact but for the rounding of cost(),
		// which the two loops settle. Calls are capped at Integer.MAX_VALUE seconds (68 years).
		long most = Integer.MAX_VALUE / this.incrementSeconds;
		BigDecimal estimate = amount.subtract(this.connectionFee)
			.multiply(SECONDS_PER_MINUTE)
			.divide(this.pricePerMinute.multiply(BigDecimal.valueOf(this.incrementSeconds)), 0, RoundingMode.FLOOR);
		long increments = estimate.min(BigDecimal.valueOf(most)).max(BigDecimal.ONE).longValueExact();
		while (increments > 1 && cost(increments * this.incrementSeconds).compareTo(amount) > 0) {
			increments--;
		}
		while (increments < most && cost((increments + 1) * this.incrementSeconds).compareTo(amount) <= 0) {
			increments++;
		}
		return increments * this.incrementSeconds;
	}

}
