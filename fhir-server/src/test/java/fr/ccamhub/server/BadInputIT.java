package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** Bad input gets a 4xx with an OperationOutcome that says what is wrong, and nothing is half-written. */
class BadInputIT extends ServerIT {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void malformedJsonIsA400OperationOutcome() throws Exception {
		HttpResponse<String> response = post("/Patient", "{\"resourceType\": \"Patient\", \"name\": [ {\"family\": ");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(outcome(response).getIssueFirstRep().getDiagnostics()).containsIgnoringCase("json");
	}

	@Test
	void unknownResourceTypeIsA404OperationOutcome() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(fhirBase() + "/Patiente/1"))
				.header("Accept", "application/fhir+json").header("Authorization", "Bearer " + staffToken())
				.GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(outcome(response).getIssueFirstRep().getDiagnostics()).contains("Patiente");
	}

	@Test
	void referenceToAMissingResourceIsRejectedWithItsName() throws Exception {
		Procedure procedure = new Procedure();
		procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
		procedure.setSubject(new Reference("Patient/does-not-exist"));
		HttpResponse<String> response = post("/Procedure", FHIR.newJsonParser().encodeResourceToString(procedure));
		assertThat(response.statusCode()).isBetween(400, 499);
		assertThat(outcome(response).getIssueFirstRep().getDiagnostics()).contains("Patient/does-not-exist");
	}

	@Test
	void aTransactionWithOneBadEntryStoresNothing() throws Exception {
		String family = "Atomique-" + System.nanoTime();
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		Patient patient = new Patient();
		patient.addName().setFamily(family);
		transaction.addEntry().setFullUrl("urn:uuid:6f0c7a4e-1d7b-4b3f-9f0a-0d9c6b1e2a11").setResource(patient)
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		Procedure procedure = new Procedure();
		procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
		procedure.setSubject(new Reference("Patient/does-not-exist"));
		transaction.addEntry().setResource(procedure).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Procedure");

		HttpResponse<String> response = post("", FHIR.newJsonParser().encodeResourceToString(transaction));

		assertThat(response.statusCode()).isBetween(400, 499);
		assertThat(outcome(response).getIssue()).isNotEmpty();
		Bundle found = client().search().forResource(Patient.class)
				.where(Patient.FAMILY.matchesExactly().value(family)).returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).isEmpty();
	}

	@Test
	void invalidResourceContentIsA4xxThatNamesTheElement() throws Exception {
		HttpResponse<String> response = post("/Patient", "{\"resourceType\": \"Patient\", \"gender\": \"robot\"}");
		assertThat(response.statusCode()).isBetween(400, 499);
		assertThat(outcome(response).getIssueFirstRep().getDiagnostics()).contains("robot");
	}

	@Test
	void aBodyOverTheSizeLimitIsA413NamingTheLimitBeforeItIsRead() throws Exception {
		String patient = "{\"resourceType\": \"Patient\", \"name\": [{\"text\": \"" + "x".repeat(21 * 1024 * 1024) + "\"}]}";
		long start = System.nanoTime();
		HttpResponse<String> response = post("/Patient", patient);
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(outcome(response).getIssueFirstRep().getDiagnostics())
				.contains("20,971,520-byte limit").contains("ccamhub.fhir.limits.max-request-size");
		assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(10));
		assertThat(post("/Patient", "{\"resourceType\": \"Patient\"}").statusCode()).isEqualTo(201);
	}

	@Test
	void aChunkedBodyIsCutOffWithA413OnceItCrossesTheLimit() throws Exception {
		byte[] head = "{\"resourceType\": \"Patient\", \"name\": [{\"text\": \"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		java.io.InputStream endless = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head),
				new java.io.InputStream() {
					// Just over the limit: Tomcat swallows the unread rest (up to 2 MB), so the client reads the 413.
					private long left = 20L * 1024 * 1024 + 512 * 1024;

					@Override
					public int read() {
						return left-- > 0 ? 'x' : -1;
					}
				});
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(fhirBase() + "/Patient"))
						.header("Content-Type", "application/fhir+json")
						.header("Accept", "application/fhir+json")
						.header("Authorization", "Bearer " + staffToken())
						.POST(HttpRequest.BodyPublishers.ofInputStream(() -> endless)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(outcome(response).getIssueFirstRep().getDiagnostics()).contains("ccamhub.fhir.limits.max-request-size");
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(fhirBase() + path))
						.header("Content-Type", "application/fhir+json")
						.header("Accept", "application/fhir+json")
						.header("Authorization", "Bearer " + staffToken())
						.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static OperationOutcome outcome(HttpResponse<String> response) {
		return FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
	}
}
