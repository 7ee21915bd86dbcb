package fr.ccamhub.bench.fhir;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The human table of one server's results. */
final class ResultTable {

	private ResultTable() {}

	static void print(PrintStream out, String name, List<WorkloadResult> results) {
		String format = "%-17s %7s %9s %9s %9s %9s %9s %9s %7s%n";
		out.println();
		out.printf(Locale.ROOT, "%s%n", name);
		out.printf(Locale.ROOT, format, "workload", "clients", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors");
		for (WorkloadResult result : results) {
			LatencyRecorder latencies = result.latencies();
			out.printf(Locale.ROOT, format, result.workload().name(), result.workload().clients(), result.requests(),
					String.format(Locale.ROOT, "%.1f", result.requestsPerSecond()),
					millis(latencies.percentileMillis(50)), millis(latencies.percentileMillis(95)),
					millis(latencies.percentileMillis(99)), millis(latencies.maxMillis()),
					result.errors() + (result.warmUpErrors() > 0 ? "+" + result.warmUpErrors() + "w" : ""));
		}
		out.println();
		for (WorkloadResult result : results) {
			out.printf(Locale.ROOT, "  %-17s %s%n", result.workload().name(), result.workload().description());
		}
	}

	private static String millis(double value) {
		return String.format(Locale.ROOT, value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%.0f", value);
	}
}
