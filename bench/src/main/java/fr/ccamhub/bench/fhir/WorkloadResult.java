package fr.ccamhub.bench.fhir;

import java.util.Locale;

/** What one workload measured: requests completed in the measured window, their latencies, errors. */
record WorkloadResult(Workload workload, double seconds, long requests, long errors, long warmUpErrors,
		LatencyRecorder latencies, String firstError) {

	double requestsPerSecond() {
		return requests / seconds;
	}

	/** The machine-readable line scripts read: {@code result <name> key=value...}. */
	String resultLine() {
		return String.format(Locale.ROOT,
				"result %s clients=%d requests=%d rps=%.2f resources_per_s=%.1f p50=%.2f p95=%.2f p99=%.2f max=%.2f errors=%d warmup_errors=%d",
				workload.name(), workload.clients(), requests, requestsPerSecond(),
				requestsPerSecond() * workload.resourcesPerRequest(), latencies.percentileMillis(50),
				latencies.percentileMillis(95), latencies.percentileMillis(99), latencies.maxMillis(), errors, warmUpErrors);
	}
}
