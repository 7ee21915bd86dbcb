package fr.ccamhub.bench.fhir;

import java.util.Locale;
import java.util.Map;

/**
 * What one workload measured: requests completed in the measured window without error ({@code requests}), their
 * latencies, errors; {@code sent} counts every request, warm-up included, and {@code created} the resources of the
 * counted types that appeared meanwhile.
 */
record WorkloadResult(Workload workload, double seconds, long requests, long errors, long warmUpErrors, long sent,
		LatencyRecorder latencies, String firstError, Map<String, Long> created) {

	WorkloadResult withCreated(Map<String, Long> counts) {
		return new WorkloadResult(workload, seconds, requests, errors, warmUpErrors, sent, latencies, firstError, counts);
	}

	double requestsPerSecond() {
		return requests / seconds;
	}

	/** The machine-readable line scripts read: {@code result <name> key=value...}. */
	String resultLine() {
		StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
				"result %s clients=%d requests=%d rps=%.2f resources_per_s=%.1f p50=%.2f p95=%.2f p99=%.2f max=%.2f errors=%d warmup_errors=%d sent=%d",
				workload.name(), workload.clients(), requests, requestsPerSecond(),
				requestsPerSecond() * workload.resourcesPerRequest(), latencies.percentileMillis(50),
				latencies.percentileMillis(95), latencies.percentileMillis(99), latencies.maxMillis(), errors, warmUpErrors,
				sent));
		created.forEach((type, count) -> line.append(String.format(Locale.ROOT, " %s_per_request=%.2f", type,
				count / (double) Math.max(1, sent))));
		return line.toString();
	}
}
