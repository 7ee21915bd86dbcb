package fr.ccamhub.bench.fhir;

import org.HdrHistogram.Histogram;

/**
 * Latencies of one client thread, in microseconds (HdrHistogram, 3 significant digits, up to 10 minutes), merged
 * across threads once a workload is over. Not thread-safe: one per thread.
 */
final class LatencyRecorder {

	private static final long HIGHEST_MICROS = 600_000_000L;

	private final Histogram histogram = new Histogram(1, HIGHEST_MICROS, 3);

	void record(long nanos) {
		histogram.recordValue(Math.min(Math.max(1, nanos / 1_000), HIGHEST_MICROS));
	}

	void addAll(LatencyRecorder other) {
		histogram.add(other.histogram);
	}

	long count() {
		return histogram.getTotalCount();
	}

	/** The {@code percentile} (0-100) in milliseconds; 0 when nothing was recorded. */
	double percentileMillis(double percentile) {
		return count() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1_000.0;
	}

	double maxMillis() {
		return count() == 0 ? 0 : histogram.getMaxValue() / 1_000.0;
	}
}
