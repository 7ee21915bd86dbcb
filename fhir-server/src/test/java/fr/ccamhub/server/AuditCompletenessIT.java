package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ccamhub.ledger.entry.ResourceHasher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit and ledger completeness under concurrent reads and across a SIGKILL: four clients read distinct Observations
 * while the server is killed; after a restart on the same data, every read that was answered has exactly one
 * AuditEvent, and every AuditEvent has its ledger entry, whose hash is recomputed from the AuditEvent as served.
 */
class AuditCompletenessIT {

	private static final int OBSERVATIONS = 240;
	private static final int CLIENTS = 4;
	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path dataDirectory;

	private Process server;
	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void stop() throws InterruptedException {
		if (server != null && server.isAlive()) {
			server.destroy();
			server.waitFor(60, TimeUnit.SECONDS);
		}
	}

	@Test
	void everyAnsweredReadHasOneLedgeredAuditEventAcrossASigkill() throws Exception {
		int httpPort = freePort();
		server = start(httpPort, freePort(), "first");
		IGenericClient fhir = fhirClient(httpPort);
		List<String> observations = createObservations(fhir);

		Set<String> answered = ConcurrentHashMap.newKeySet();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		List<Future<?>> running = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			int client = c;
			running.add(clients.submit(() -> {
				for (int n = client; n < observations.size(); n += CLIENTS) {
					try {
						HttpResponse<String> read = http.send(HttpRequest.newBuilder(
								URI.create("http://127.0.0.1:" + httpPort + "/fhir/" + observations.get(n))).build(),
								HttpResponse.BodyHandlers.ofString());
						if (read.statusCode() == 200) {
							answered.add(observations.get(n));
						}
					} catch (IOException connectionLost) {
						return;
					} catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			}));
		}
		await().atMost(Duration.ofMinutes(2)).until(() -> answered.size() >= OBSERVATIONS / 4);
		server.destroyForcibly();
		assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
		for (Future<?> future : running) {
			future.get(2, TimeUnit.MINUTES);
		}
		clients.shutdown();
		assertThat(answered.size()).isLessThan(OBSERVATIONS);

		server = start(httpPort, freePort(), "restart");
		Map<String, String> ledgerHashes = new HashMap<>();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			ledgerHashes.clear();
			ledgerHashes.putAll(ledgeredAuditEventHashes(httpPort));
			for (String observation : answered) {
				List<JsonNode> events = auditEventsOf(httpPort, observation);
				assertThat(events).as("AuditEvents of the answered read of %s", observation).hasSize(1);
				JsonNode event = events.get(0);
				String reference = "AuditEvent/" + event.get("id").asText() + "/_history/1";
				assertThat(ledgerHashes).as("ledger entry of %s", reference).containsKey(reference);
				assertThat(ledgerHashes.get(reference)).as("ledger hash of %s", reference)
						.isEqualTo(HexFormat.of().formatHex(ResourceHasher.hashFhirResource(JSON.writeValueAsString(event))));
			}
		});
	}

	private static List<String> createObservations(IGenericClient fhir) {
		Patient patient = new Patient();
		patient.addName().setFamily("Tracee").addGiven("Alix");
		String patientId = fhir.create().resource(patient).execute().getId().toUnqualifiedVersionless().getValue();
		List<String> ids = new ArrayList<>();
		for (int batch = 0; batch < OBSERVATIONS / 40; batch++) {
			Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
			for (int n = 0; n < 40; n++) {
				Observation observation = new Observation();
				observation.setStatus(Observation.ObservationStatus.FINAL);
				observation.getCode().addCoding().setSystem("http://loinc.org").setCode("8867-4").setDisplay("Heart rate");
				observation.setSubject(new Reference(patientId));
				transaction.addEntry().setResource(observation).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
			}
			Bundle response = fhir.transaction().withBundle(transaction).execute();
			response.getEntry().forEach(entry -> ids.add(new org.hl7.fhir.r4.model.IdType(entry.getResponse().getLocation())
					.toUnqualifiedVersionless().getValue()));
		}
		return ids;
	}

	private List<JsonNode> auditEventsOf(int port, String observation) throws Exception {
		JsonNode bundle = get(port, "/fhir/AuditEvent?entity=" + observation + "&subtype=read&_count=100");
		List<JsonNode> events = new ArrayList<>();
		if (bundle.has("entry")) {
			bundle.get("entry").forEach(entry -> events.add(entry.get("resource")));
		}
		return events;
	}

	/** Versioned reference → hex resource hash of every AuditEvent entry in the ledger, read through its public API. */
	private Map<String, String> ledgeredAuditEventHashes(int port) throws Exception {
		long size = get(port, "/ledger/v1/sth").get("tree_size").asLong();
		Map<String, String> hashes = new HashMap<>();
		for (long start = 0; start < size; start += 1000) {
			for (JsonNode entry : get(port, "/ledger/v1/entries?start=" + start + "&end=" + Math.min(size - 1, start + 999)).get("entries")) {
				String resource = entry.get("resource").asText();
				if (resource.startsWith("AuditEvent/")) {
					hashes.put(resource, entry.get("resource_hash").asText());
				}
			}
		}
		return hashes;
	}

	private JsonNode get(int port, String path) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private Process start(int httpPort, int mllpPort, String name) throws Exception {
		return ServerProcess.start(dataDirectory, httpPort, mllpPort, "audit-completeness-" + name,
				"/actuator/health/readiness");
	}

	private static IGenericClient fhirClient(int port) {
		ServerIT.FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		ServerIT.FHIR.getRestfulClientFactory().setSocketTimeout(120_000);
		return ServerIT.FHIR.newRestfulGenericClient("http://127.0.0.1:" + port + "/fhir");
	}

	private static int freePort() throws IOException {
		return ServerProcess.freePort();
	}
}
