package asia.oncaller.sip;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The SIP side's overload measure: how long the legs' oldest queued task has waited for a worker. */
class LegWorkersTests {

	private final ExecutorService thread = Executors.newSingleThreadExecutor();

	private final LegWorkers workers = new LegWorkers(this.thread);

	@AfterEach
	void stop() {
		this.thread.shutdownNow();
	}

	@Test
	void theWaitIsThatOfTheOldestTaskNotYetStarted() throws Exception {
		assertThat(this.workers.oldestWaitNanos(System.nanoTime())).isZero();
		CountDownLatch busy = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		this.workers.execute(() -> {
			busy.countDown();
			await(release);
		});
		assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
		// The running task no longer waits; nothing else is queued.
		assertThat(this.workers.oldestWaitNanos(System.nanoTime())).isZero();
		long queuedAfter = System.nanoTime();
		CountDownLatch done = new CountDownLatch(2);
		this.workers.execute(done::countDown);
		long queuedBefore = System.nanoTime();
		this.workers.execute(done::countDown);
		long later = queuedBefore + Duration.ofSeconds(2).toNanos();
		assertThat(this.workers.oldestWaitNanos(later)).isBetween(later - queuedBefore, later - queuedAfter);
		release.countDown();
		assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.workers.oldestWaitNanos(System.nanoTime())).isZero();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
