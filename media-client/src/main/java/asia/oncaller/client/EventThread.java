package asia.oncaller.client;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's event thread: every event and callback of a client and its calls runs here, one at
 * a time, in the order things happened. Its own class so that the connection, the calls and the
 * client runtime share one thread without knowing each other.
 */
final class EventThread {

	private static final Logger log = LoggerFactory.getLogger(EventThread.class);

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static final String NAME = "oncaller-client-";

	private final ScheduledThreadPoolExecutor executor;

	EventThread() {
		int n = COUNTER.incrementAndGet();
		this.executor = new ScheduledThreadPoolExecutor(1, (r) -> {
			Thread t = new Thread(r, NAME + n);
			t.setDaemon(true);
			return t;
		});
		this.executor.setRemoveOnCancelPolicy(true);
	}

	/** Runs {@code task} on the event thread (later, even when called from it). */
	void post(Runnable task) {
		try {
			this.executor.execute(() -> {
				try {
					task.run();
				}
				catch (Throwable ex) {
					log.warn("An OnCaller task failed", ex);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			log.debug("The client is closed; dropping a task");
		}
	}

	/** @return the scheduled task, or {@code null} when the client is closed */
	ScheduledFuture<?> schedule(Runnable task, Duration delay) {
		try {
			return this.executor.schedule(() -> post(task), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			return null;
		}
	}

	void shutdown() {
		this.executor.shutdown();
	}

	/** @return whether the caller runs on the event thread of any client (which must never wait for one) */
	static boolean isCurrent() {
		return Thread.currentThread().getName().startsWith(NAME);
	}

}
