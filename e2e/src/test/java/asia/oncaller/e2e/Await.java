package asia.oncaller.e2e;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;

/** Waits until a condition holds, or fails with {@code what} when the time is up. */
final class Await {

	private Await() {
	}

	static void until(Duration timeout, String what, BooleanSupplier condition) {
		Awaitility.await(what).atMost(timeout).until(condition::getAsBoolean);
	}

	/**
	 * Checks that a condition holds, and goes on holding for {@code during}: for what must not
	 * happen, such as a second end of a call, checked all along instead of once after a sleep.
	 */
	static void holds(Duration during, String what, BooleanSupplier condition) {
		Awaitility.await(what)
			.during(during)
			.atMost(during.plusSeconds(2))
			.pollInterval(Duration.ofMillis(100))
			.until(condition::getAsBoolean);
	}

}
