package asia.oncaller.billing;

import java.math.BigDecimal;
import java.time.Duration;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time-limit rule as properties: a grant never exceeds maxConnectTime nor costs more than
 * the money it may use, never takes back time once granted, and no answered time within it is
 * ever charged more than it reserved, so the balance cannot be overdrawn by a cut-off's delay.
 */
class GrantTests {

	private static final Duration CHUNK = Duration.ofSeconds(60);

	@Property
	void grantStaysWithinTheMoneyAndTheMaxConnectTime(@ForAll("tariffs") Tariff tariff,
			@ForAll @IntRange(max = 7200) int grantedSoFar, @ForAll("amounts") BigDecimal extra,
			@ForAll @IntRange(min = 0, max = 86_400) int maxConnect) {
		Integer max = (maxConnect == 0) ? null : maxConnect;
		// A call is never granted past its maxConnectTime, so every try starts within it.
		int granted = (max == null) ? grantedSoFar : Math.min(grantedSoFar, max);
		// What the call already reserves is part of what it may use.
		BigDecimal payable = reservation(tariff, granted).add(extra);

		Grant grant = Grant.next(tariff, granted, payable, max, CHUNK);

		assertThat(grant.seconds()).isGreaterThanOrEqualTo(granted);
		assertThat(grant.reserved()).isLessThanOrEqualTo(payable);
		if (max != null) {
			assertThat(grant.seconds()).isLessThanOrEqualTo(max);
		}
		assertThat((long) grant.seconds()).isLessThanOrEqualTo(
				Math.max(granted, tariff.billedSeconds(Duration.ofSeconds(granted).plus(CHUNK))));
	}

	@Property
	void noAnsweredTimeWithinTheGrantCostsMoreThanItReserved(@ForAll("tariffs") Tariff tariff,
			@ForAll("amounts") BigDecimal payable, @ForAll @IntRange(max = 1_000_000) int answeredMillis) {
		Grant grant = Grant.next(tariff, 0, payable, null, CHUNK);
		Duration billedTime = Duration.ofMillis(answeredMillis);
		if (billedTime.compareTo(Duration.ofSeconds(grant.seconds())) > 0) {
			billedTime = Duration.ofSeconds(grant.seconds());
		}

		assertThat(tariff.charge(billedTime).cost()).isLessThanOrEqualTo(grant.reserved());
	}

	@Example
	void aBalanceOfThreeIncrementsGrantsThreeSecondsThenNoMore() {
		Tariff tariff = new Tariff(new BigDecimal("0.60"), 1, BigDecimal.ZERO);

		Grant first = Grant.next(tariff, 0, new BigDecimal("0.03"), null, CHUNK);
		Grant renewed = Grant.next(tariff, first.seconds(), first.reserved(), null, CHUNK);

		assertThat(first.seconds()).isEqualTo(3);
		assertThat(first.reserved()).isEqualByComparingTo("0.03");
		assertThat(renewed).isEqualTo(first);
	}

	@Example
	void maxConnectTimeCapsTheGrantOfARichAccount() {
		Tariff tariff = new Tariff(new BigDecimal("0.60"), 6, BigDecimal.ZERO);

		Grant grant = Grant.next(tariff, 0, new BigDecimal("1000"), 45, CHUNK);

		assertThat(grant.seconds()).isEqualTo(45);
		assertThat(grant.reserved()).isEqualByComparingTo("0.48");
	}

	@Provide
	Arbitrary<Tariff> tariffs() {
		Arbitrary<BigDecimal> price = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("20")).ofScale(6);
		Arbitrary<BigDecimal> fee = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("2")).ofScale(6);
		Arbitrary<Integer> increment = Arbitraries.oneOf(Arbitraries.of(1, 6, 60, 3600),
				Arbitraries.integers().between(1, 3600));
		return Combinators.combine(price, increment, fee).as(Tariff::new);
	}

	@Provide
	Arbitrary<BigDecimal> amounts() {
		return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("500")).ofScale(6);
	}

	private static BigDecimal reservation(Tariff tariff, int grantedSeconds) {
		return tariff.cost(tariff.billedSeconds(Duration.ofSeconds(grantedSeconds)));
	}

}
