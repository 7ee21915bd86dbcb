package fr.ccamhub.bench.dmp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;

/**
 * Documents through the whole DMP path: {@code clients} threads store {@code documents} discharge letters (PDF, a
 * transaction of Binary + DocumentReference, patients with a qualified INS) in a running ccamhub with DMP on
 * (development mode), then waits until each has reached the Document Recipient. Reports documents/s from the first
 * commit to the last acknowledgement and, per document, commit to acknowledgement (p50/p95), from the outbox
 * ({@code /dmp/v1/outbox}). Usage: DmpLoad &lt;ccamhub base URL&gt; [documents=300] [clients=4]
 */
public final class DmpLoad {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private DmpLoad() {}

	public static void main(String[] args) throws Exception {
		String base = args[0].replaceAll("/$", "");
		int documents = args.length > 1 ? Integer.parseInt(args[1]) : 300;
		int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
		if (documents > 1000) {
			throw new IllegalArgumentException("at most 1000 documents (one page of /dmp/v1/outbox)");
		}
		String runId = Long.toString(System.currentTimeMillis(), 36);
		String practitioner = post(base + "/fhir", """
				{"resourceType":"Bundle","type":"transaction","entry":[{"resource":{"resourceType":"Practitioner",
				"identifier":[{"system":"urn:oid:1.2.250.1.71.4.2.1","value":"810101201234"}],
				"name":[{"family":"MARTIN","given":["Sophie"]}]},
				"request":{"method":"POST","url":"Practitioner","ifNoneExist":"identifier=urn:oid:1.2.250.1.71.4.2.1|810101201234"}}]}""")
				.get("entry").get(0).get("response").get("location").asText().replaceAll("/_history/.*", "");
		List<String> patients = new ArrayList<>();
		for (int p = 0; p < 20; p++) {
			patients.add(post(base + "/fhir/Patient", patient(p, runId)).get("id").asText());
		}
		Set<String> documentIds = ConcurrentHashMap.newKeySet();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<?>> sent = new ArrayList<>();
		Instant start = Instant.now();
		for (int d = 0; d < documents; d++) {
			int n = d;
			sent.add(pool.submit(() -> {
				JsonNode response = post(base + "/fhir", document(patients.get(n % patients.size()), practitioner, runId, n));
				documentIds.add(response.get("entry").get(1).get("response").get("location").asText()
						.replaceAll("^DocumentReference/", "").replaceAll("/_history/.*", ""));
				return null;
			}));
		}
		for (Future<?> future : sent) {
			future.get();
		}
		pool.shutdown();
		double storeSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;

		List<JsonNode> mine = Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250))
				.until(() -> rowsOf(base, documentIds), rows -> rows.stream()
						.filter(row -> row.get("state").asText().equals("DELIVERED")).count() == documents);
		Instant firstCommit = Instant.MAX;
		Instant lastAck = Instant.MIN;
		double[] latencies = new double[mine.size()];
		int i = 0;
		for (JsonNode row : mine) {
			Instant created = Instant.parse(row.get("createdAt").asText());
			Instant delivered = Instant.parse(row.get("deliveredAt").asText());
			firstCommit = created.isBefore(firstCommit) ? created : firstCommit;
			lastAck = delivered.isAfter(lastAck) ? delivered : lastAck;
			latencies[i++] = Duration.between(created, delivered).toNanos() / 1e6;
		}
		Arrays.sort(latencies);
		double seconds = Duration.between(firstCommit, lastAck).toMillis() / 1000.0;
		System.out.printf(Locale.ROOT, "result dmp documents=%d clients=%d stored_per_s=%.1f delivered_per_s=%.1f"
				+ " commit_to_ack_p50_ms=%.0f p95_ms=%.0f max_ms=%.0f%n", documents, clients, documents / storeSeconds,
				documents / seconds, latencies[latencies.length / 2], latencies[(int) (latencies.length * 0.95)],
				latencies[latencies.length - 1]);
	}

	/** The outbox rows of the documents this run stored. */
	private static List<JsonNode> rowsOf(String base, Set<String> documentIds) throws Exception {
		List<JsonNode> mine = new ArrayList<>();
		for (JsonNode row : get(base + "/dmp/v1/outbox?limit=1000")) {
			if (documentIds.contains(row.get("documentId").asText())) {
				mine.add(row);
			}
		}
		return mine;
	}

	private static String patient(int p, String runId) {
		long thirteen = 2800175000000L + (runId.hashCode() & 0xffff) * 100L + p;
		String nir = Long.toString(thirteen);
		String ins = nir + String.format(Locale.ROOT, "%02d", 97 - thirteen % 97);
		return """
				{"resourceType":"Patient","extension":[{"url":"https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability",
				"extension":[{"url":"identityStatus","valueCoding":{"system":"https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0445","code":"VALI"}}]}],
				"identifier":[{"system":"urn:oid:1.2.250.1.213.1.4.8","value":"%s"}],
				"name":[{"family":"BENCH","given":["Patient %d"]}],"gender":"female","birthDate":"1980-01-17"}"""
				.formatted(ins, p);
	}

	private static String document(String patient, String practitioner, String runId, int n) {
		String pdf = Base64.getEncoder().encodeToString(("%PDF-1.4\n% lettre " + runId + "-" + n + "\n" + "x".repeat(20_000)
				+ "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
		return """
				{"resourceType":"Bundle","type":"transaction","entry":[
				{"fullUrl":"urn:uuid:00000000-0000-4000-8000-000000000001","resource":{"resourceType":"Binary","contentType":"application/pdf","data":"%s"},
				 "request":{"method":"POST","url":"Binary"}},
				{"resource":{"resourceType":"DocumentReference","status":"current","docStatus":"final",
				 "type":{"coding":[{"system":"http://loinc.org","code":"11490-0","display":"Physician Discharge summary"}]},
				 "subject":{"reference":"Patient/%s"},"date":"2026-12-08T10:00:00+01:00","author":[{"reference":"%s"}],
				 "content":[{"attachment":{"contentType":"application/pdf","title":"Lettre de liaison %s-%d","url":"urn:uuid:00000000-0000-4000-8000-000000000001"}}]},
				 "request":{"method":"POST","url":"DocumentReference"}}]}""".formatted(pdf, patient, practitioner, runId, n);
	}

	private static JsonNode post(String url, String body) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException("POST " + url + ": " + response.statusCode() + " " + response.body());
		}
		return JSON.readTree(response.body());
	}

	private static JsonNode get(String url) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + url + ": " + response.statusCode() + " " + response.body());
		}
		return JSON.readTree(response.body());
	}
}
