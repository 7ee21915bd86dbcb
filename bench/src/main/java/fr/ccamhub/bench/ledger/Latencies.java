package fr.ccamhub.bench.ledger;

import java.util.Arrays;

/** Recorded durations, in nanoseconds, and their percentiles (nearest rank). */
final class Latencies {

	private long[] nanos;
	private int count;

	Latencies(int expected) {
		nanos = new long[Math.max(1, expected)];
	}

	void record(long durationNanos) {
		if (count == nanos.length) {
			nanos = Arrays.copyOf(nanos, 2 * count);
		}
		nanos[count++] = durationNanos;
	}

	int count() {
		return count;
	}

	/** The smallest recorded duration that at least {@code percent} % of the durations do not exceed. */
	long percentile(double percent) {
		long[] sorted = Arrays.copyOf(nanos, count);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(percent / 100 * count);
		return sorted[Math.max(0, rank - 1)];
	}

	long max() {
		return percentile(100);
	}

	double mean() {
		return Arrays.stream(nanos, 0, count).average().orElse(0);
	}

	/** Nanoseconds as milliseconds: three decimals under 10 ms, one above, e.g. {@code 0.412} or {@code 12.5}. */
	static String millis(double nanos) {
		return String.format(nanos < 10_000_000 ? "%.3f" : "%.1f", nanos / 1e6);
	}
}
