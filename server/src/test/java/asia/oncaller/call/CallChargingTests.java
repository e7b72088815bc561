package asia.oncaller.call;

import java.math.BigDecimal;
import java.time.Instant;

import asia.oncaller.billing.Charge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an ended call is billed, without Spring or a database (docs/billing.md): nothing unless it
 * was answered and ended, the answered time rounded up to the rate's increment plus the fee, never
 * beyond the granted time (a cut-off that comes a sweep late is not billed), and a free call's
 * seconds at no cost.
 */
class CallChargingTests {

	private static final Instant ANSWERED = Instant.parse("2026-01-01T10:00:00Z");

	@Test
	void callThatWasNotAnsweredOrHasNotEndedIsBilledNothing() {
		Money priced = priced("0.60", 60, "0", null);
		assertThat(CallCharging.chargeOf(timing(null, ANSWERED.plusSeconds(30)), priced)).isEqualTo(Charge.NONE);
		assertThat(CallCharging.chargeOf(timing(ANSWERED, null), priced)).isEqualTo(Charge.NONE);
	}

	@Test
	void answeredTimeIsRoundedUpToTheIncrement() {
		Charge charge = CallCharging.chargeOf(timing(ANSWERED, ANSWERED.plusSeconds(61)), priced("0.60", 60, "0", null));
		assertThat(charge.billedSeconds()).isEqualTo(120);
		assertThat(charge.cost()).isEqualByComparingTo("1.20");
	}

	@Test
	void aFractionOfASecondStartsAnIncrementAndTheFeeIsChargedOnce() {
		Charge charge = CallCharging.chargeOf(timing(ANSWERED, ANSWERED.plusMillis(6_200)),
				priced("0.60", 6, "0.05", null));
		assertThat(charge.billedSeconds()).isEqualTo(12);
		assertThat(charge.cost()).isEqualByComparingTo("0.17");
	}

	@Test
	void timeBeyondTheGrantIsNotBilled() {
		Charge charge = CallCharging.chargeOf(timing(ANSWERED, ANSWERED.plusSeconds(75)), priced("0.60", 1, "0", 60));
		assertThat(charge.billedSeconds()).isEqualTo(60);
		assertThat(charge.cost()).isEqualByComparingTo("0.60");
	}

	@Test
	void timeWithinTheGrantIsBilledAsItWas() {
		Charge charge = CallCharging.chargeOf(timing(ANSWERED, ANSWERED.plusSeconds(30)), priced("0.60", 1, "0", 60));
		assertThat(charge.billedSeconds()).isEqualTo(30);
		assertThat(charge.cost()).isEqualByComparingTo("0.30");
	}

	@Test
	void freeCallIsBilledItsSecondsAtNoCost() {
		Money free = new Money("USD", null, null, null, null, BigDecimal.ZERO, null, null, null, null);
		Charge charge = CallCharging.chargeOf(timing(ANSWERED, ANSWERED.plusMillis(2_500)), free);
		assertThat(charge.billedSeconds()).isEqualTo(3);
		assertThat(charge.cost()).isZero();
	}

	private static Timing timing(Instant answeredAt, Instant endedAt) {
		return new Timing(ANSWERED.minusSeconds(5), ANSWERED.minusSeconds(4), answeredAt, endedAt,
				ANSWERED.plusSeconds(55), null, null, null);
	}

	private static Money priced(String perMinute, int increment, String fee, Integer grantedSeconds) {
		return new Money("USD", "RT-1", new BigDecimal(perMinute), increment, new BigDecimal(fee), BigDecimal.ZERO,
				grantedSeconds, null, null, null);
	}

}
