package asia.oncaller.sip;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The phone legs' worker threads, with the age of their oldest queued task: the SIP side's
 * measure of overload. Every leg's work waits here, the INVITEs to take and the answers to send
 * alike, so the age grows as soon as work comes faster than the workers finish it, whatever the
 * cause (CPU, a slow database, slow answer_urls holding every worker); past SIP's
 * retransmission timer (T1, 500 ms) carriers send their INVITEs again, which adds work just when
 * there is least room. Reading it costs one peek.
 */
final class LegWorkers implements Executor {

	private final Executor threads;

	private final ConcurrentLinkedQueue<Queued> queued = new ConcurrentLinkedQueue<>();

	LegWorkers(Executor threads) {
		this.threads = threads;
	}

	@Override
	public void execute(Runnable task) {
		Queued entry = new Queued(task, System.nanoTime());
		this.queued.add(entry);
		try {
			this.threads.execute(entry);
		}
		catch (RejectedExecutionException ex) {
			this.queued.remove(entry);
			throw ex;
		}
	}

	/** How long the oldest task not yet started has waited at {@code now} ({@link System#nanoTime()}); 0 if none. */
	long oldestWaitNanos(long now) {
		Queued oldest = this.queued.peek();
		return (oldest != null) ? now - oldest.queuedAt : 0;
	}

	/** A task and when it was queued; it leaves the queue as it starts (about in order, so at the head). */
	private final class Queued implements Runnable {

		private final Runnable task;

		private final long queuedAt;

		Queued(Runnable task, long queuedAt) {
			this.task = task;
			this.queuedAt = queuedAt;
		}

		@Override
		public void run() {
			LegWorkers.this.queued.remove(this);
			this.task.run();
		}

	}

}
