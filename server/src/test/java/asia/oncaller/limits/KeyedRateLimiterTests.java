package asia.oncaller.limits;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-key rate on its own: each key has its own budget, and memory stays bounded however
 * many distinct keys arrive, because idle keys are forgotten and busy ones are capped. Sweeps run
 * on a clock the test moves; budgets run on real time, within one period.
 */
class KeyedRateLimiterTests {

	private final AtomicLong now = new AtomicLong();

	@Test
	void refusesAKeyBeyondItsBudgetAndLeavesOtherKeysAlone() {
		KeyedRateLimiter limiter = new KeyedRateLimiter(100, this.now::get);
		assertThat(limiter.tryAcquire("a", 3)).isTrue();
		assertThat(limiter.tryAcquire("a", 3)).isTrue();
		assertThat(limiter.tryAcquire("a", 3)).isTrue();
		assertThat(limiter.tryAcquire("a", 3)).isFalse();
		assertThat(limiter.tryAcquire("b", 3)).isTrue();
	}

	@Test
	void forgetsKeysIdleForAPeriodSoManyDistinctKeysDoNotGrowMemory() {
		KeyedRateLimiter limiter = new KeyedRateLimiter(1_000, this.now::get);
		for (int wave = 0; wave < 20; wave++) {
			for (int i = 0; i < 500; i++) {
				assertThat(limiter.tryAcquire("wave-" + wave + "-key-" + i, 5)).isTrue();
			}
			this.now.addAndGet(KeyedRateLimiter.PERIOD.toNanos());
		}
		// 10,000 distinct keys went through; only the last wave can still be held.
		assertThat(limiter.size()).isLessThanOrEqualTo(500);
	}

	@Test
	void refusesNewKeysWhileFullOfBusyOnesAndKeepsServingThoseItHolds() {
		KeyedRateLimiter limiter = new KeyedRateLimiter(50, this.now::get);
		for (int i = 0; i < 50; i++) {
			assertThat(limiter.tryAcquire("busy-" + i, 5)).isTrue();
		}
		for (int i = 0; i < 1_000; i++) {
			assertThat(limiter.tryAcquire("newcomer-" + i, 5)).isFalse();
		}
		assertThat(limiter.size()).isEqualTo(50);
		assertThat(limiter.tryAcquire("busy-7", 5)).isTrue();
		this.now.addAndGet(KeyedRateLimiter.PERIOD.toNanos());
		assertThat(limiter.tryAcquire("newcomer-0", 5)).isTrue();
		assertThat(limiter.size()).isEqualTo(1);
	}

	@Test
	void keepsAKeyThatIsStillInUse() {
		KeyedRateLimiter limiter = new KeyedRateLimiter(100, this.now::get);
		assertThat(limiter.tryAcquire("steady", 2)).isTrue();
		assertThat(limiter.tryAcquire("steady", 2)).isTrue();
		this.now.addAndGet(KeyedRateLimiter.PERIOD.toNanos() / 2);
		assertThat(limiter.tryAcquire("steady", 2)).isFalse();
		this.now.addAndGet(KeyedRateLimiter.PERIOD.toNanos() / 2);
		// A sweep is due, but "steady" was asked for half a period ago: its spent budget stays spent.
		assertThat(limiter.tryAcquire("another", 2)).isTrue();
		assertThat(limiter.tryAcquire("steady", 2)).isFalse();
	}

}
