package asia.oncaller.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Work started on many threads at the same instant, for races the database must settle. */
public final class Concurrently {

	private Concurrently() {
	}

	/** Runs {@code work(i)} for i in 0..threads-1, on as many threads released at the same instant. */
	public static <T> List<T> run(int threads, IndexedWork<T> work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				int index = i;
				futures.add(pool.submit((Callable<T>) () -> {
					start.await();
					return work.run(index);
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** One thread's work. */
	public interface IndexedWork<T> {

		T run(int index) throws Exception;

	}

}
