package asia.oncaller.webhook;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Retry delays double from the first, stop growing at the cap, and stay within ±20 % jitter. */
class BackoffTests {

	private static final Duration FIRST = Duration.ofSeconds(1);

	private static final Duration CAP = Duration.ofHours(1);

	@RepeatedTest(20)
	void delaysDoubleWithinJitter() {
		for (int attempt = 1; attempt <= 10; attempt++) {
			long base = 1000L << (attempt - 1);
			assertThat(Backoff.delay(attempt, FIRST, CAP).toMillis()).isBetween(base * 8 / 10, base * 12 / 10);
		}
	}

	@RepeatedTest(20)
	void delaysStopGrowingAtTheCap() {
		for (int attempt : new int[] { 13, 30, 64, 1000 }) {
			assertThat(Backoff.delay(attempt, FIRST, CAP).toMillis()).isBetween(CAP.toMillis() * 8 / 10,
					CAP.toMillis() * 12 / 10);
		}
	}

}
