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

}
