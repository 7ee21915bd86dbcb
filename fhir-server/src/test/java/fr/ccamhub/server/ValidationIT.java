package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import fr.ccamhub.interceptors.audit.AuditEventShape;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.junit.jupiter.api.Test;

/**
 * {@code $validate} against FR Core and ANS TDE over HTTP: the AuditEvents the server writes, the
 * patients it maps from PAM FR, and resources that do not conform.
 */
class ValidationIT extends ServerIT {

	private static final String FR_CORE_PATIENT_INS = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient-ins";
	private static final String PAM_FR_INS = "279035121518989";

	private final HttpClient http = HttpClient.newHttpClient();

	private IGenericClient clinician() {
		return client(TestTokens.token("x", List.of("clinician"), null));
	}

	private IGenericClient auditor() {
		return client(TestTokens.token("auditor-validation", List.of("auditor"), null));
	}

	@Test
	void readinessWaitsForTheWarmedUpValidator() {
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(
					URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(readiness.statusCode()).isEqualTo(200);
			assertThat(readiness.body()).contains("\"validation\":{\"status\":\"UP\"}");
		});
	}

	@Test
	void auditEventsOfAccessConformToTheTdeProfileTheyClaim() {
		Patient patient = new Patient();
		patient.addName().setFamily("Tracabilite").addGiven("Eve");
		IIdType id = client().create().resource(patient).execute().getId().toUnqualifiedVersionless();
		client().read().resource(Patient.class).withId(id).execute();

		List<AuditEvent> trail = auditor().search().forResource(AuditEvent.class).where(AuditEvent.PATIENT.hasId(id))
				.returnBundle(Bundle.class).execute().getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();

		assertThat(trail).isNotEmpty();
		for (AuditEvent event : trail) {
			assertThat(event.getMeta().hasProfile(AuditEventShape.TDE_PROFILE)).isTrue();
			assertThat(described(errors(validate(event, AuditEventShape.TDE_PROFILE))))
					.as("AuditEvent %s (%s)", event.getIdElement().getIdPart(), event.getSubtypeFirstRep().getCode())
					.isEmpty();
		}
	}

	@Test
	void auditEventsOfRefusedAccessConformToTheTdeProfile() throws Exception {
		String path = "/fhir/Patient?family=refus-" + System.nanoTime();
		HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Bearer " + TestTokens.token("auditor-curieux", List.of("auditor"), null)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(403);

		List<AuditEvent> refusals = auditor().search().forResource(AuditEvent.class)
				.where(AuditEvent.ENTITY_NAME.matchesExactly().value("GET " + path)).returnBundle(Bundle.class).execute()
				.getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();

		assertThat(refusals).isNotEmpty().allSatisfy(event -> assertThat(described(errors(validate(event, AuditEventShape.TDE_PROFILE)))).isEmpty());
	}

	@Test
	void aPatientMappedFromAPamFrAdmissionConformsToFrCorePatientIns() throws Exception {
		try (MllpClient mllp = new MllpClient(MLLP_PORT);
				InputStream in = getClass().getResourceAsStream("/hl7v2/fr-pamfr_ADT_A01_admission_SGL.er7")) {
			assertThat(mllp.send(in.readAllBytes(), StandardCharsets.UTF_8)).contains("MSA|AA|3975");
		}
		Patient patient = (Patient) client().search().forResource(Patient.class)
				.where(Patient.IDENTIFIER.exactly().systemAndCode("urn:oid:1.2.250.1.213.1.4.10", PAM_FR_INS))
				.returnBundle(Bundle.class).execute().getEntryFirstRep().getResource();

		Parameters profileOnly = new Parameters();
		profileOnly.addParameter().setName("profile").setValue(new UriType(FR_CORE_PATIENT_INS));
		OperationOutcome outcome = clinician().operation().onInstance(patient.getIdElement().toUnqualifiedVersionless())
				.named("$validate").withParameters(profileOnly).returnResourceType(OperationOutcome.class).execute();

		assertThat(described(errors(outcome))).isEmpty();
	}

	@Test
	void aNonConformingPatientGetsIssuesNamingEachElement() throws Exception {
		String patient = """
				{"resourceType": "Patient",
				 "name": [{"use": "official", "family": "Dupont"}],
				 "gender": "other"}
				""";

		List<OperationOutcomeIssueComponent> errors = errors(validate("Patient", patient, FR_CORE_PATIENT_INS));

		assertThat(errors).extracting(issue -> issue.getExpression().get(0).getValue())
				.contains("Patient.gender")
				.anySatisfy(expression -> assertThat(expression).startsWith("Patient.name[0]"));
		assertThat(errors).extracting(OperationOutcomeIssueComponent::getDiagnostics)
				.anySatisfy(diagnostics -> assertThat(diagnostics).contains("identityReliability"))
				.anySatisfy(diagnostics -> assertThat(diagnostics).contains("Patient.birthDate"));
	}

	@Test
	void modeCreateRefusesAResourceThatAlreadyHasAnId() {
		Patient patient = new Patient();
		patient.setId("deja-la");
		patient.addName().setFamily("Dupont");
		Parameters parameters = new Parameters();
		parameters.addParameter().setName("resource").setResource(patient);
		parameters.addParameter().setName("mode").setValue(new StringType("create"));

		assertThatThrownBy(() -> clinician().operation().onType(Patient.class).named("$validate").withParameters(parameters)
				.returnResourceType(OperationOutcome.class).execute())
				.isInstanceOfSatisfying(UnprocessableEntityException.class, refused -> assertThat(errors(
						(OperationOutcome) refused.getOperationOutcome())).anySatisfy(issue -> assertThat(issue.getDiagnostics())
								.contains("ID must not be populated")));
	}

	@Test
	void anUnknownProfileIsAnError() {
		Patient patient = new Patient();
		patient.addName().setFamily("Dupont");

		OperationOutcome outcome = validate(patient, "https://example.org/StructureDefinition/inconnu");

		assertThat(errors(outcome)).anySatisfy(issue -> assertThat(issue.getDiagnostics()).contains("inconnu"));
	}

	/** POST [type]/$validate?profile= with the resource itself as the body, as a clinician. */
	private OperationOutcome validate(Resource resource, String profile) {
		return validate(resource.fhirType(), FHIR.newJsonParser().encodeResourceToString(resource), profile);
	}

	private OperationOutcome validate(String type, String json, String profile) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(fhirBase() + "/" + type + "/$validate?profile="
							+ URLEncoder.encode(profile, StandardCharsets.UTF_8)))
					.header("Authorization", "Bearer " + TestTokens.token("x", List.of("clinician"), null))
					.header("Content-Type", "application/fhir+json")
					.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Issues as "expression: diagnostics", for readable failures. */
	private static List<String> described(List<OperationOutcomeIssueComponent> issues) {
		return issues.stream().map(issue -> issue.getExpression() + ": " + issue.getDiagnostics()).toList();
	}

	private static List<OperationOutcomeIssueComponent> errors(OperationOutcome outcome) {
		return outcome.getIssue().stream()
				.filter(issue -> issue.getSeverity() == IssueSeverity.ERROR || issue.getSeverity() == IssueSeverity.FATAL)
				.toList();
	}
}
