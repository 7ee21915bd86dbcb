package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Store-time profile validation on a server of its own ({@code ccamhub.fhir.validation.profiles.Patient}
 * = FR Core Patient): every write path refuses a Patient that does not conform and stores one that does.
 */
class StoreTimeValidationIT {

	private static final FhirContext FHIR = FhirContext.forR4Cached();
	private static final String FR_CORE_PATIENT = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient";

	@TempDir
	static Path directory;

	private static ConfigurableApplicationContext server;
	private static int mllpPort;
	private static String base;
	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startWithFrCorePatientRequired() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			mllpPort = socket.getLocalPort();
		}
		server = StandaloneServer.start(directory.resolve("data"), mllpPort,
				"--ccamhub.fhir.validation.profiles.Patient=" + FR_CORE_PATIENT);
		base = "http://localhost:" + server.getEnvironment().getProperty("local.server.port") + "/fhir";
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void aConformingPatientIsStored() throws Exception {
		HttpResponse<String> created = post("/Patient", patient(UUID.randomUUID().toString(), "\"given\": [\"Marie\"]"));

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	@Test
	void aNonConformingPatientIsRefusedWith422NamingTheElement() throws Exception {
		HttpResponse<String> refused = post("/Patient", patient(UUID.randomUUID().toString(), "\"given\": []"));

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, refused.body());
		assertThat(outcome.getIssue()).allSatisfy(issue -> assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR))
				.anySatisfy(issue -> {
					assertThat(issue.getExpression().get(0).getValue()).startsWith("Patient.name[0]");
					assertThat(issue.getDiagnostics()).contains("officialName.given").contains(FR_CORE_PATIENT);
				});
	}

	@Test
	void aTransactionWithANonConformingPatientIsRefusedWhole() throws Exception {
		String family = "Transaction-" + UUID.randomUUID();
		String patientUuid = UUID.randomUUID().toString();
		String transaction = """
				{"resourceType": "Bundle", "type": "transaction", "entry": [
				  {"fullUrl": "urn:uuid:%s", "resource": %s, "request": {"method": "POST", "url": "Patient"}},
				  {"resource": {"resourceType": "Observation", "status": "final",
				     "code": {"text": "%s"}, "subject": {"reference": "urn:uuid:%s"}},
				   "request": {"method": "POST", "url": "Observation"}}]}
				""".formatted(patientUuid, patient(family, "\"given\": []"), family, patientUuid);
		HttpResponse<String> refused = post("", transaction);

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(refused.body()).contains("Patient.name[0]");
		assertThat(search("/Patient?family=" + family).getEntry()).isEmpty();
	}

	@Test
	void anHl7PatientIsRefusedWithAnAeWhenItDoesNotConformAndStoredWhenItDoes() throws Exception {
		String ipp = String.valueOf(System.nanoTime());
		try (MllpClient mllp = new MllpClient(mllpPort)) {
			assertThat(mllp.send(adt("NOGIVEN-" + ipp, ipp, "DUPONT^^^^^^L"))).contains("MSA|AE|NOGIVEN-" + ipp).contains("Patient.name");
			assertThat(mllp.send(adt("GIVEN-" + ipp, ipp, "DUPONT^MARIE^MARIE^^^^L"))).contains("MSA|AA|GIVEN-" + ipp);
		}
		assertThat(search("/Patient?identifier=" + ipp).getEntry()).hasSize(1);
	}

	private static String patient(String family, String given) {
		return """
				{"resourceType": "Patient", "name": [{"use": "official", "family": "%s", %s}], "gender": "female"}
				""".formatted(family, given);
	}

	private static String adt(String controlId, String ipp, String name) {
		return "MSH|^~\\&|GAM|CHU|CCAMHUB|CHU|20260312101500||ADT^A01^ADT_A01|" + controlId + "|P|2.5\r"
				+ "EVN|A01|20260312101500\r"
				+ "PID|1||" + ipp + "^^^CHU&1.2.250.1.999.7&ISO^PI||" + name + "||19800101|F\r"
				+ "PV1|1|I\r";
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private Bundle search(String pathAndQuery) throws Exception {
		HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
		return FHIR.newJsonParser().parseResource(Bundle.class, found.body());
	}
}
