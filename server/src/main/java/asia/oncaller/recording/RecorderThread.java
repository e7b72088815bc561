package asia.oncaller.recording;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * One worker thread of the recorder, with a bounded queue: past it the submitting thread does the
 * work, which slows a flood down instead of piling it up. Kept inside the components that use it
 * rather than as beans, so no other module's executor injection ever meets it.
 */
final class RecorderThread {

	private static final int QUEUE = 10_000;

	private RecorderThread() {
	}

	static ThreadPoolExecutor named(String prefix) {
		return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE),
				new CustomizableThreadFactory(prefix), new ThreadPoolExecutor.CallerRunsPolicy());
	}

}
