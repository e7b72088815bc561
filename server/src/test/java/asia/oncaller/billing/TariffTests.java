package asia.oncaller.billing;

import java.math.BigDecimal;
import java.time.Duration;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rounding and pricing rules of docs/billing.md as properties over any price, fee, increment
 * and duration: answered time rounds up to whole increments, the cost is the fee plus the price
 * per minute pro rata rounded once to 6 decimals, and the affordable time is the longest one paid.
 */
class TariffTests {

	@Property
	void answeredTimeIsBilledRoundedUpToWholeIncrements(@ForAll @IntRange(min = 1, max = 3600) int increment,
			@ForAll @LongRange(min = 0, max = 400_000_000_000_000L) long nanos) {
		Tariff tariff = tariff("0.10", increment, "0");
		Duration answered = Duration.ofNanos(nanos);

		long billed = tariff.billedSeconds(answered);

		assertThat(billed % increment).isZero();
		assertThat(Duration.ofSeconds(billed)).isGreaterThanOrEqualTo(answered);
		assertThat(Duration.ofSeconds(billed).minus(answered)).isLessThan(Duration.ofSeconds(increment));
	}

	@Property
	void costIsTheFeePlusThePricePerMinuteRoundedOnceToSixDecimals(@ForAll("prices") BigDecimal price,
			@ForAll("prices") BigDecimal fee, @ForAll @IntRange(min = 1, max = 3600) int increment,
			@ForAll @IntRange(min = 1, max = 100_000) int increments) {
		long billed = (long) increments * increment;

		BigDecimal cost = tariff(price, increment, fee).cost(billed);

		// |cost - (fee + price × billed / 60)| ≤ 0.0000005, checked as whole numbers × 60.
		BigDecimal exactTimesSixty = fee.multiply(BigDecimal.valueOf(60)).add(price.multiply(BigDecimal.valueOf(billed)));
		BigDecimal errorTimesSixty = cost.multiply(BigDecimal.valueOf(60)).subtract(exactTimesSixty).abs();
		assertThat(cost.scale()).isEqualTo(6);
		assertThat(errorTimesSixty).isLessThanOrEqualTo(new BigDecimal("0.00003"));
	}

	@Property
	void nothingBilledCostsNothingEvenWithAConnectionFee(@ForAll("prices") BigDecimal fee) {
		assertThat(tariff("1.00", 60, fee).charge(Duration.ZERO)).isEqualTo(Charge.NONE);
	}

	@Property
	void longerCallsNeverCostLess(@ForAll("prices") BigDecimal price, @ForAll("prices") BigDecimal fee,
			@ForAll @IntRange(min = 1, max = 3600) int increment, @ForAll @LongRange(max = 10_000_000) long millis,
			@ForAll @LongRange(max = 10_000_000) long moreMillis) {
		Tariff tariff = tariff(price, increment, fee);
		Duration shorter = Duration.ofMillis(millis);

		assertThat(tariff.charge(shorter.plusMillis(moreMillis)).cost()).isGreaterThanOrEqualTo(tariff.charge(shorter).cost());
	}

	@Property
	void affordableTimeIsTheLongestWholeIncrementsTheAmountPays(@ForAll("positivePrices") BigDecimal price,
			@ForAll("prices") BigDecimal fee, @ForAll @IntRange(min = 1, max = 3600) int increment,
			@ForAll("amounts") BigDecimal amount) {
		Tariff tariff = tariff(price, increment, fee);

		long affordable = tariff.affordableSeconds(amount);

		assertThat(affordable % increment).isZero();
		if (affordable == 0) {
			assertThat(tariff.firstIncrementCost()).isGreaterThan(amount);
		}
		else {
			assertThat(tariff.cost(affordable)).isLessThanOrEqualTo(amount);
			// One more increment is unaffordable, or beyond the cap of Integer.MAX_VALUE seconds.
			if (affordable + increment <= Integer.MAX_VALUE) {
				assertThat(tariff.cost(affordable + increment)).isGreaterThan(amount);
			}
		}
	}

	@Property
	void freeTimeIsUnlimitedOnceTheFeeIsPaid(@ForAll("prices") BigDecimal fee, @ForAll("amounts") BigDecimal amount) {
		long affordable = tariff(BigDecimal.ZERO, 60, fee).affordableSeconds(amount);

		assertThat(affordable).isEqualTo((amount.compareTo(fee) >= 0) ? Tariff.UNLIMITED : 0);
	}

	@Example
	void workedExamplesOfDocsBillingMd() {
		assertThat(tariff("0.60", 1, "0").charge(Duration.ofMillis(61_200))).isEqualTo(charge(62, "0.620000"));
		assertThat(tariff("0.60", 6, "0").charge(Duration.ofMillis(61_200))).isEqualTo(charge(66, "0.660000"));
		assertThat(tariff("0.60", 60, "0").charge(Duration.ofMillis(61_200))).isEqualTo(charge(120, "1.200000"));
		assertThat(tariff("0.60", 60, "0.05").charge(Duration.ofMillis(61_200))).isEqualTo(charge(120, "1.250000"));
		assertThat(tariff("0.045", 6, "0").charge(Duration.ofSeconds(7))).isEqualTo(charge(12, "0.009000"));
		assertThat(tariff("0.60", 1, "0").affordableSeconds(new BigDecimal("0.03"))).isEqualTo(3);
	}

	@Provide
	Arbitrary<BigDecimal> prices() {
		return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("50")).ofScale(6);
	}

	@Provide
	Arbitrary<BigDecimal> positivePrices() {
		return Arbitraries.bigDecimals().between(new BigDecimal("0.000001"), new BigDecimal("50")).ofScale(6);
	}

	@Provide
	Arbitrary<BigDecimal> amounts() {
		return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(6);
	}

	static Tariff tariff(String price, int increment, String fee) {
		return tariff(new BigDecimal(price), increment, new BigDecimal(fee));
	}

	static Tariff tariff(String price, int increment, BigDecimal fee) {
		return tariff(new BigDecimal(price), increment, fee);
	}

	static Tariff tariff(BigDecimal price, int increment, BigDecimal fee) {
		return new Tariff(price, increment, fee);
	}

	private static Charge charge(int seconds, String cost) {
		return new Charge(seconds, new BigDecimal(cost));
	}

}
