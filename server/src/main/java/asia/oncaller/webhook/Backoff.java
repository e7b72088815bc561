package asia.oncaller.webhook;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed delivery again: exponential from {@code firstRetry}, capped, with ±20 %
 * jitter so that retries of many events to one recovering endpoint spread out.
 */
final class Backoff {

	private Backoff() {
	}

	/** The delay after the given number of failed attempts (1 or more). */
	static Duration delay(int failedAttempts, Duration firstRetry, Duration maxDelay) {
		int doublings = Math.min(failedAttempts - 1, 30);
		long base = Math.min(firstRetry.toMillis() << doublings, maxDelay.toMillis());
		if (base <= 0 || base > maxDelay.toMillis()) {
			base = maxDelay.toMillis();
		}
		double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
		return Duration.ofMillis(Math.round(base * jitter));
	}

}
