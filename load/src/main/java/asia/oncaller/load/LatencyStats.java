package asia.oncaller.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects latencies and reports percentiles by nearest rank. */
final class LatencyStats {

	private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

	void add(long latencyNanos) {
		this.nanos.add(latencyNanos);
	}

	int count() {
		return this.nanos.size();
	}

	/** The p-th percentile (0 < p ≤ 100) in milliseconds. */
	double percentileMillis(double p) {
		List<Long> sorted;
		synchronized (this.nanos) {
			sorted = new ArrayList<>(this.nanos);
		}
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		Collections.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1)) / 1_000_000.0;
	}

}
