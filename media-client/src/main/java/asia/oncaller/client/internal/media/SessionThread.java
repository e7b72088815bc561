package asia.oncaller.client.internal.media;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import asia.oncaller.client.OnCallerError;
import asia.oncaller.client.OnCallerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MediaSession}'s own thread and the chain its SDP steps form on it. Native calls of one
 * peer connection must not overlap, and a step that involves SDP may start only once the
 * previous one has finished, WebRTC's asynchronous callbacks included. Kept apart from the
 * session so that the session says what each step does, and this class how steps are sequenced
 * and how their failures are reported.
 */
final class SessionThread implements Executor {

	private static final Logger log = LoggerFactory.getLogger(SessionThread.class);

	static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

	private final String name;

	private final ExecutorService thread;

	private final BooleanSupplier closed;

	private final Consumer<OnCallerException> problems;

	private CompletableFuture<Void> chain = DONE;

	/**
	 * @param name the thread's name
	 * @param closed whether the session is closed (steps are then skipped, failures not reported)
	 * @param problems told about a step that failed with nobody waiting for its result
	 */
	SessionThread(String name, BooleanSupplier closed, Consumer<OnCallerException> problems) {
		this.name = name;
		this.closed = closed;
		this.problems = problems;
		this.thread = Executors.newSingleThreadExecutor((r) -> {
			Thread t = new Thread(r, name);
			t.setDaemon(true);
			return t;
		});
	}

	/** Runs {@code task} on the thread as it is; throws {@link RejectedExecutionException} once shut down. */
	@Override
	public void execute(Runnable task) {
		this.thread.execute(task);
	}

	/**
	 * Appends a step to the chain. A failing step completes {@code result} (if any) exceptionally
	 * and is reported once; the chain goes on.
	 */
	<T> void step(String what, Supplier<CompletableFuture<Void>> body, CompletableFuture<T> result) {
		if (!run(() -> this.chain = this.chain
			.thenComposeAsync((v) -> this.closed.getAsBoolean() ? DONE : body.get(), this.thread)
			.exceptionally((ex) -> {
				Throwable cause = (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
				if (result != null) {
					result.completeExceptionally(cause); // the caller reports it
				}
				else if (!this.closed.getAsBoolean() && !(cause instanceof RejectedExecutionException)) {
					this.problems.accept((cause instanceof OnCallerException oe) ? oe
							: new OnCallerException(OnCallerError.NEGOTIATION_FAILED, what + ": " + cause.getMessage(), cause));
				}
				return null;
			}))) {
			if (result != null) {
				result.completeExceptionally(new OnCallerException(OnCallerError.INVALID_STATE, "the call's media is closed"));
			}
		}
	}

	/** Runs on the thread, logging what it throws; false when the thread is shut down. */
	boolean run(Runnable task) {
		try {
			this.thread.execute(() -> {
				try {
					task.run();
				}
				catch (Throwable ex) {
					log.warn("{}: {}", this.name, ex.toString());
				}
			});
			return true;
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
	}

	/** Lets the tasks already submitted finish, and accepts no more. */
	void shutdown() {
		this.thread.shutdown();
	}

}
