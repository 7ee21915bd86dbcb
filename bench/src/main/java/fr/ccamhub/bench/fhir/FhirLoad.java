package fr.ccamhub.bench.fhir;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The FHIR load of issue 15, the same against any server: creates its setup data ({@link SetupData}), then runs
 * each workload ({@link Workloads}) with its client threads back to back, a warm-up then a measured window, and
 * prints req/s, p50/p95/p99/max latency and errors per workload: a table, then one {@code result} line each.
 * A non-2xx answer is an error; the first one of each workload is printed with its body.
 *
 * <p>Usage: {@code FhirLoad <fhir-base-url> [--seconds 30] [--warmup 10] [--token T] [--name LABEL]
 * [--only w1,w2] [--count AuditEvent,Observation [--count-token T]]}; the bearer token may also come from the
 * environment variable {@code FHIR_LOAD_TOKEN}, the counting one from {@code FHIR_LOAD_COUNT_TOKEN}. With
 * {@code --count}, each workload also reports how many resources of those types were stored while it ran, per request
 * (e.g. the AuditEvents a server writes on its own; see {@link ResourceCounts}).
 * Exits with status 1 when any workload had errors.
 */
public final class FhirLoad {

	private static final Set<String> OPTIONS = Set.of("seconds", "warmup", "token", "name", "only", "count", "count-token");

	private FhirLoad() {}

	public static void main(String[] args) throws Exception {
		if (args.length < 1 || args[0].startsWith("--")) {
			System.err.println("Usage: FhirLoad <fhir-base-url> [--seconds 30] [--warmup 10] [--token T] [--name LABEL] [--only w1,w2]");
			System.exit(2);
		}
		Map<String, String> options = options(args);
		Duration measured = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "30")));
		Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")));
		String token = options.getOrDefault("token", System.getenv().getOrDefault("FHIR_LOAD_TOKEN", ""));
		String name = options.getOrDefault("name", args[0]);
		List<String> only = options.containsKey("only") ? Arrays.asList(options.get("only").split(",")) : List.of();
		List<String> counted = options.containsKey("count") ? Arrays.asList(options.get("count").split(",")) : List.of();
		ResourceCounts counts = new ResourceCounts(new FhirHttp(args[0],
				options.getOrDefault("count-token", System.getenv().getOrDefault("FHIR_LOAD_COUNT_TOKEN", token))), counted);

		FhirHttp http = new FhirHttp(args[0], token);
		// Identifiers unique to this run, so that conditional creates never match another run's patients.
		String runId = "BENCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
		System.out.printf(Locale.ROOT, "%s: %s, %s, warm-up %d s, measured %d s per workload, %s%n", name, args[0],
				token.isEmpty() ? "no token" : "bearer token", warmUp.toSeconds(), measured.toSeconds(), ZonedDateTime.now());
		SetupData setup = SetupData.create(http, runId);
		System.out.printf(Locale.ROOT, "setup: %d patients (+1 for the writes), %d Observations (%d complaints with '%s') in %.1f s%n",
				setup.patientIds().size(), setup.observationIds().size(), setup.complaintObservations(),
				FrenchResources.CONTENT_WORD, setup.seconds());

		WorkloadRunner runner = new WorkloadRunner(warmUp, measured);
		List<WorkloadResult> results = new ArrayList<>();
		for (Workload workload : Workloads.all(http, setup, runId)) {
			if (!only.isEmpty() && !only.contains(workload.name())) {
				continue;
			}
			Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
			WorkloadResult measuredOnly = runner.run(workload);
			Instant end = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
			WorkloadResult result = measuredOnly.withCreated(counts.between(start, end));
			results.add(result);
			System.out.printf(Locale.ROOT, "%-17s %8.1f req/s  p50 %7.2f ms  p99 %8.2f ms  errors %d%n", workload.name(),
					result.requestsPerSecond(), result.latencies().percentileMillis(50),
					result.latencies().percentileMillis(99), result.errors());
			result.created().forEach((type, created) -> System.out.printf(Locale.ROOT, "  %s +%d: %.2f per request%n",
					type, created, created / (double) result.sent()));
			if (result.firstError() != null) {
				System.out.printf(Locale.ROOT, "  first error of %s (%d measured, %d in warm-up): %s%n", workload.name(),
						result.errors(), result.warmUpErrors(), result.firstError());
			}
		}
		ResultTable.print(System.out, name, results);
		System.out.println();
		results.forEach(result -> System.out.println(result.resultLine()));
		boolean failed = results.stream().anyMatch(result -> result.errors() + result.warmUpErrors() > 0);
		System.exit(failed ? 1 : 0);
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new TreeMap<>();
		for (int i = 1; i < args.length; i += 2) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("expected --name value pairs after the base URL");
			}
			String option = args[i].substring(2);
			if (!OPTIONS.contains(option)) {
				throw new IllegalArgumentException("unknown option --" + option + "; known: " + OPTIONS);
			}
			options.put(option, args[i + 1]);
		}
		return options;
	}
}
