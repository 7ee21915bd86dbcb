package fr.ccamhub.bench;

import ca.uhn.fhir.context.FhirContext;
import fr.ccamhub.hl7.mapping.Hl7ToFhirMapper;
import fr.ccamhub.hl7.parse.Hl7Parser;
import fr.ccamhub.terminology.ccam.CcamReleaseReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained HL7 v2 ingestion over N concurrent MLLP connections with {@link WorkloadMix}, then, in
 * the same run and against the same server, the same kind of messages mapped to FHIR transaction
 * Bundles and POSTed straight to HAPI: messages per second and ACK/response latency percentiles.
 *
 * <p>Usage: {@code MllpBenchmark <mllp-port> <fhir-base-url> <connections> <seconds> [warm-up seconds, 20]}; a port or
 * URL of {@code -} skips that phase, so that each phase can run against its own server ({@code run.sh} sends HL7 to
 * ccamhub and the Bundles to plain HAPI FHIR). Each phase is preceded by a warm-up of the same load, not measured.
 * Prints a table and one {@code result <phase> msgs_per_s=… p50=… p95=… p99=… errors=…} line per phase.
 */
public final class MllpBenchmark {

	/** One measured phase; {@code key} names it in the {@code result} line, {@code name} in the table. */
	private record Result(String key, String name, long count, long errors, double seconds, List<Long> sortedMicros) {

		static Result of(String key, String name, long errors, double seconds, Collection<Long> latenciesMicros) {
			List<Long> sorted = new ArrayList<>(latenciesMicros);
			Collections.sort(sorted);
			return new Result(key, name, sorted.size(), errors, seconds, sorted);
		}

		String resultLine() {
			return String.format(Locale.ROOT, "result %s msgs_per_s=%.1f p50=%.1f p95=%.1f p99=%.1f errors=%d", key,
					count / seconds, percentile(50), percentile(95), percentile(99), errors);
		}

		String line() {
			return String.format(Locale.ROOT, "| %-28s | %7d | %5d | %8.1f | %7.1f | %7.1f | %7.1f |", name, count, errors,
					count / seconds, percentile(50), percentile(95), percentile(99));
		}

		private double percentile(int p) {
			if (sortedMicros.isEmpty()) {
				return Double.NaN;
			}
			return sortedMicros.get(Math.min(sortedMicros.size() - 1, (int) Math.ceil(p / 100.0 * sortedMicros.size()) - 1)) / 1000.0;
		}
	}

	public static void main(String[] args) throws Exception {
		String fhirBase = args[1];
		int connections = Integer.parseInt(args[2]);
		int seconds = Integer.parseInt(args[3]);
		int warmUpSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;
		String run = Long.toString(System.currentTimeMillis(), 36);

		System.out.printf("ccamhub benchmark: %d connections, %d s warm-up then %d s per phase, run %s%n", connections,
				warmUpSeconds, seconds, run);
		List<Result> results = new ArrayList<>();
		if (!"-".equals(args[0])) {
			mllpPhase(Integer.parseInt(args[0]), connections, warmUpSeconds, new WorkloadMix(run + "w"));
			results.add(mllpPhase(Integer.parseInt(args[0]), connections, seconds, new WorkloadMix(run + "m")));
		}
		if (!"-".equals(fhirBase)) {
			fhirPhase(fhirBase, connections, warmUpSeconds, new WorkloadMix(run + "v"));
			results.add(fhirPhase(fhirBase, connections, seconds, new WorkloadMix(run + "f")));
		}

		System.out.println();
		System.out.println("| phase                        | messages | errors | msg/s    | p50 ms  | p95 ms  | p99 ms  |");
		System.out.println("|------------------------------|---------:|-------:|---------:|--------:|--------:|--------:|");
		results.forEach(result -> System.out.println(result.line()));
		results.forEach(result -> System.out.println(result.resultLine()));
	}

	private static Result mllpPhase(int port, int connections, int seconds, WorkloadMix mix) throws Exception {
		AtomicLong sequence = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		long start = System.nanoTime();
		runConcurrently(connections, () -> {
			try (Socket socket = new Socket("127.0.0.1", port)) {
				while (System.nanoTime() < deadline) {
					String message = mix.message(sequence.getAndIncrement());
					long t0 = System.nanoTime();
					String ack = sendMllp(socket, message);
					latencies.add((System.nanoTime() - t0) / 1000);
					if (!ack.contains("MSA|AA|")) {
						errors.incrementAndGet();
					}
				}
			}
			return null;
		});
		double elapsed = (System.nanoTime() - start) / 1e9;
		return Result.of("mllp", "HL7 v2 over MLLP (ACK AA)", errors.get(), elapsed, latencies);
	}

	private static Result fhirPhase(String base, int connections, int seconds, WorkloadMix mix) throws Exception {
		FhirContext fhir = FhirContext.forR4Cached();
		Hl7Parser parser = new Hl7Parser();
		Hl7ToFhirMapper mapper = new Hl7ToFhirMapper(new CcamReleaseReader().read("ccam/V81"), ZoneId.of("Europe/Paris"));
		HttpClient http = HttpClient.newHttpClient();
		AtomicLong sequence = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		long start = System.nanoTime();
		runConcurrently(connections, () -> {
			while (System.nanoTime() < deadline) {
				String bundle = fhir.newJsonParser().encodeResourceToString(
						mapper.map(parser.parse(mix.message(sequence.getAndIncrement()))).transaction());
				long t0 = System.nanoTime();
				HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base))
								.header("Content-Type", "application/fhir+json")
								.POST(HttpRequest.BodyPublishers.ofString(bundle)).build(),
						HttpResponse.BodyHandlers.discarding());
				latencies.add((System.nanoTime() - t0) / 1000);
				if (response.statusCode() != 200) {
					errors.incrementAndGet();
				}
			}
			return null;
		});
		double elapsed = (System.nanoTime() - start) / 1e9;
		return Result.of("fhir-transaction", "same Bundles as FHIR transactions", errors.get(), elapsed, latencies);
	}

	private static void runConcurrently(int workers, java.util.concurrent.Callable<Void> work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(workers);
		List<Future<Void>> futures = new ArrayList<>();
		for (int i = 0; i < workers; i++) {
			futures.add(pool.submit(work));
		}
		for (Future<Void> future : futures) {
			future.get();
		}
		pool.shutdown();
	}

	private static String sendMllp(Socket socket, String message) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(0x0B);
		out.write(message.getBytes(StandardCharsets.UTF_8));
		out.write(0x1C);
		out.write(0x0D);
		out.flush();
		InputStream in = socket.getInputStream();
		ByteArrayOutputStream ack = new ByteArrayOutputStream();
		int b = in.read();
		while ((b = in.read()) != -1 && b != 0x1C) {
			ack.write(b);
		}
		in.read();
		return ack.toString(StandardCharsets.UTF_8);
	}
}
