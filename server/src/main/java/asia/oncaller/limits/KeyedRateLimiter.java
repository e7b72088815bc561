package asia.oncaller.limits;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

/**
 * A request rate per key (a token, a user, a connection, an account), each key with its own
 * resilience4j {@link RateLimiter} whose budget refreshes every {@link #PERIOD}. Keys come from
 * clients, so memory must stay bounded whatever they send: a key left idle for a whole period has
 * its full budget again, so forgetting it changes nothing; idle keys are swept at most once a
 * period; and while {@code maxKeys} keys are busy a new key is refused rather than stored.
 */
public final class KeyedRateLimiter {

	/** The window of every budget; a refused client may try again after it. */
	public static final Duration PERIOD = Duration.ofSeconds(1);

	private static final long PERIOD_NANOS = PERIOD.toNanos();

	private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

	private final int maxKeys;

	private final LongSupplier nanoTime;

	private final AtomicLong nextSweep;

	/** @param maxKeys how many keys are kept at most */
	public KeyedRateLimiter(int maxKeys) {
		this(maxKeys, System::nanoTime);
	}

	KeyedRateLimiter(int maxKeys, LongSupplier nanoTime) {
		this.maxKeys = maxKeys;
		this.nanoTime = nanoTime;
		this.nextSweep = new AtomicLong(nanoTime.getAsLong() + PERIOD_NANOS);
	}

	/**
	 * Takes one permit of the key's budget if there is one.
	 * @param permitsPerSecond the key's budget; a changed value applies from the next period
	 * @return whether the request may go on
	 */
	public boolean tryAcquire(String key, int permitsPerSecond) {
		long now = this.nanoTime.getAsLong();
		sweepIfDue(now);
		// Touched inside compute, so that a sweep never drops a slot that is in use.
		Slot slot = this.slots.compute(key, (k, existing) -> {
			if (existing != null) {
				existing.lastUsed = now;
				return existing;
			}
			return (this.slots.size() < this.maxKeys) ? new Slot(permitsPerSecond, now) : null;
		});
		if (slot == null) {
			return false;
		}
		if (slot.limiter.getRateLimiterConfig().getLimitForPeriod() != permitsPerSecond) {
			slot.limiter.changeLimitForPeriod(permitsPerSecond);
		}
		return slot.limiter.acquirePermission();
	}

	/** How many keys are kept now. */
	int size() {
		return this.slots.size();
	}

	private void sweepIfDue(long now) {
		long due = this.nextSweep.get();
		if (now - due < 0 || !this.nextSweep.compareAndSet(due, now + PERIOD_NANOS)) {
			return;
		}
		this.slots.forEach((key, slot) -> {
			if (slot.idleAt(now)) {
				this.slots.computeIfPresent(key, (k, current) -> current.idleAt(now) ? null : current);
			}
		});
	}

	/** One key's budget and when it was last asked for. */
	private static final class Slot {

		final RateLimiter limiter;

		volatile long lastUsed;

		Slot(int permitsPerSecond, long now) {
			this.limiter = RateLimiter.of("request-rate", RateLimiterConfig.custom()
				.limitForPeriod(permitsPerSecond)
				.limitRefreshPeriod(PERIOD)
				.timeoutDuration(Duration.ZERO)
				.build());
			this.lastUsed = now;
		}

		boolean idleAt(long now) {
			return now - this.lastUsed >= PERIOD_NANOS;
		}

	}

}
