package fr.ccamhub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * POSTs the Synthea set's bundles to a FHIR base URL: hospitals and practitioners first (batches), one after the
 * other, then the patients (transactions), with one client or N clients sharing them. Prints each bundle's outcome
 * (HTTP status, resources created and failed, the first diagnostics line of a refusal or of the first failed entry), then bundles accepted / sent, resources stored,
 * resources/s and total time, and a {@code summary} line of key=value pairs for scripts.
 *
 * <p>Usage: {@code SyntheaLoad <fhir-base-url> [--dir fhir-server/target/synthea/fhir] [--clients 1] [--token T]
 * [--name label]}; the bearer token may also come from the environment variable {@code SYNTHEA_LOAD_TOKEN}.
 */
public final class SyntheaLoad {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	private final URI base;
	private final String token;

	private SyntheaLoad(String base, String token) {
		this.base = URI.create(base.endsWith("/") ? base : base + "/");
		this.token = token;
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 1 || args[0].startsWith("--")) {
			System.err.println("Usage: SyntheaLoad <fhir-base-url> [--dir DIR] [--clients N] [--token T] [--name LABEL]");
			System.exit(2);
		}
		Map<String, String> options = options(args);
		Path directory = Path.of(options.getOrDefault("dir", "fhir-server/target/synthea/fhir"));
		int clients = Integer.parseInt(options.getOrDefault("clients", "1"));
		String token = options.getOrDefault("token", System.getenv().getOrDefault("SYNTHEA_LOAD_TOKEN", ""));
		String name = options.getOrDefault("name", args[0]);

		List<Path> shared = SyntheaFiles.shared(directory);
		List<Path> patients = SyntheaFiles.patients(directory);
		int total = shared.size() + patients.size();
		System.out.printf(Locale.ROOT, "%s: %d bundles from %s (%d shared, %d patients), %d client(s)%n",
				name, total, directory, shared.size(), patients.size(), clients);

		SyntheaLoad load = new SyntheaLoad(args[0], token);
		AtomicInteger sent = new AtomicInteger();
		List<BundleOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
		long start = System.nanoTime();
		for (Path file : shared) {
			outcomes.add(load.post(file, sent.incrementAndGet(), total));
		}
		ConcurrentLinkedQueue<Path> queue = new ConcurrentLinkedQueue<>(patients);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<?>> workers = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			workers.add(pool.submit(() -> {
				for (Path file = queue.poll(); file != null; file = queue.poll()) {
					outcomes.add(load.post(file, sent.incrementAndGet(), total));
				}
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		pool.shutdown();
		double seconds = (System.nanoTime() - start) / 1e9;
		report(name, clients, outcomes, seconds);
	}

	private BundleOutcome post(Path file, int number, int total) {
		String fileName = SyntheaFiles.name(file);
		BundleOutcome outcome;
		try {
			long bytes = Files.size(file);
			int entries = JSON.readTree(file.toFile()).path("entry").size();
			HttpRequest.Builder request = HttpRequest.newBuilder(base)
					.timeout(Duration.ofMinutes(30))
					.header("Content-Type", "application/fhir+json")
					.header("Accept", "application/fhir+json")
					.POST(HttpRequest.BodyPublishers.ofFile(file));
			if (!token.isEmpty()) {
				request.header("Authorization", "Bearer " + token);
			}
			long start = System.nanoTime();
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			double seconds = (System.nanoTime() - start) / 1e9;
			outcome = BundleOutcome.of(fileName, entries, bytes, response.statusCode(), response.body(), seconds);
		} catch (IOException e) {
			outcome = BundleOutcome.unanswered(fileName, "no answer: " + e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while posting " + fileName, e);
		}
		System.out.printf(Locale.ROOT, "[%2d/%d] %3d %6d entries %6d created %5d failed %7.1f s  %s%s%n", number, total,
				outcome.status(), outcome.entries(), outcome.created(), outcome.failed(), outcome.seconds(), fileName,
				outcome.accepted() ? "" : "\n         " + outcome.refusal());
		return outcome;
	}

	private static void report(String name, int clients, List<BundleOutcome> outcomes, double seconds) {
		long accepted = outcomes.stream().filter(BundleOutcome::accepted).count();
		long created = outcomes.stream().mapToLong(BundleOutcome::created).sum();
		long matched = outcomes.stream().mapToLong(BundleOutcome::matched).sum();
		long entries = outcomes.stream().mapToLong(BundleOutcome::entries).sum();
		long megabytes = outcomes.stream().mapToLong(BundleOutcome::bytes).sum() / 1_000_000;
		Map<Integer, Long> statuses = new TreeMap<>();
		outcomes.forEach(outcome -> statuses.merge(outcome.status(), 1L, Long::sum));
		Map<String, Long> refusals = new TreeMap<>();
		outcomes.stream().filter(outcome -> !outcome.accepted())
				.forEach(outcome -> refusals.merge(outcome.status() + " " + outcome.refusal(), 1L, Long::sum));

		System.out.println();
		System.out.printf(Locale.ROOT, "%s, %d client(s)%n", name, clients);
		System.out.printf(Locale.ROOT, "  bundles accepted / sent: %d / %d  (HTTP status: %s)%n", accepted, outcomes.size(), statuses);
		refusals.forEach((refusal, count) -> System.out.printf(Locale.ROOT, "  refused %d×: %s%n", count, refusal));
		System.out.printf(Locale.ROOT, "  resources stored: %d created (+%d matched existing) of %d sent (%d MB)%n",
				created, matched, entries, megabytes);
		System.out.printf(Locale.ROOT, "  total time: %.1f s, %.1f resources/s%n", seconds, created / seconds);
		System.out.printf(Locale.ROOT, "summary name=%s clients=%d accepted=%d sent=%d created=%d entries=%d seconds=%.1f rate=%.1f%n",
				name.replace(' ', '_'), clients, accepted, outcomes.size(), created, entries, seconds, created / seconds);
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new TreeMap<>();
		for (int i = 1; i < args.length; i += 2) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("expected --name value pairs after the base URL");
			}
			String option = args[i].substring(2);
			if (!List.of("dir", "clients", "token", "name").contains(option)) {
				throw new IllegalArgumentException("unknown option --" + option + "; known: --dir --clients --token --name");
			}
			options.put(option, args[i + 1]);
		}
		return options;
	}
}
