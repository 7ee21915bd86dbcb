package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ccamhub.interceptors.consent.ConsentPolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** FHIR Bulk Data export as a backend runs it: async kick-off, status polling, NDJSON read back. */
@SuppressWarnings("unchecked")
class BulkExportIT extends ServerIT {

	private final HttpClient http = HttpClient.newHttpClient();
	private final ObjectMapper json = new ObjectMapper();

	@Test
	void aBackendExportsOnlyWhatChangedSinceItsLastRunAsNdjson() throws Exception {
		String since = new InstantType(new java.util.Date()).getValueAsString();
		String family = "Export-" + UUID.randomUUID();
		IIdType patient = createPatient(family);
		createObservation(patient);
		String backend = TestTokens.token("warehouse", List.of("integration"), "system/*.rs");

		Map<String, List<String>> files = export(backend, "/$export?_type=Patient,Observation&_since=" + enc(since));

		assertThat(files.keySet()).containsExactlyInAnyOrder("Patient", "Observation");
		List<Patient> patients = files.get("Patient").stream().map(line -> FHIR.newJsonParser().parseResource(Patient.class, line)).toList();
		assertThat(patients).extracting(p -> p.getNameFirstRep().getFamily()).contains(family);
		assertThat(patients).allSatisfy(p -> assertThat(p.getMeta().getLastUpdated()).isAfterOrEqualTo(new InstantType(since).getValue()));
		assertThat(files.get("Observation")).anySatisfy(line -> assertThat(line).contains("Patient/" + patient.getIdPart()));

		Bundle trail = client(TestTokens.token("auditor-export", List.of("auditor"), null)).search().forResource(AuditEvent.class)
				.where(AuditEvent.SUBTYPE.exactly().systemAndCode("http://dicom.nema.org/resources/ontology/DCM", "110106"))
				.returnBundle(Bundle.class).execute();
		assertThat(trail.getEntry()).extracting(e -> (AuditEvent) e.getResource())
				.anySatisfy(event -> assertThat(event.getAgentFirstRep().getWho().getIdentifier().getValue()).isEqualTo("warehouse"));
	}

	@Test
	void aPartnerExportLeavesOutPatientsWhoOpposedSharing() throws Exception {
		String since = new InstantType(new java.util.Date()).getValueAsString();
		IIdType sharing = createPatient("Partage-" + UUID.randomUUID());
		IIdType opposed = createPatient("Opposition-" + UUID.randomUUID());
		createObservation(sharing);
		createObservation(opposed);
		opposeSharing(opposed);
		String partner = TestTokens.token("mes", List.of("partner"), "system/*.rs");

		Map<String, List<String>> files = export(partner, "/Patient/$export?_type=Patient,Observation&_since=" + enc(since));

		List<String> all = new ArrayList<>();
		files.values().forEach(all::addAll);
		assertThat(all).anySatisfy(line -> assertThat(line).contains(sharing.getIdPart()));
		assertThat(all).noneSatisfy(line -> assertThat(line).contains(opposed.getIdPart()));
	}

	@Test
	void aCallerWithoutTheGrantOrAskingForATypeItCannotReadIsRefused() throws Exception {
		String clinician = TestTokens.token("dr-export", List.of("clinician"), null);
		assertThat(kickOff(clinician, "/$export").statusCode()).isEqualTo(403);
		String partner = TestTokens.token("mes-2", List.of("partner"), "system/*.rs");
		HttpResponse<String> auditTrail = kickOff(partner, "/$export?_type=AuditEvent");
		assertThat(auditTrail.statusCode()).isEqualTo(403);
		assertThat(auditTrail.body()).contains("may not run $export on AuditEvent");
	}

	private Map<String, List<String>> export(String token, String kickOffPath) throws Exception {
		HttpResponse<String> accepted = kickOff(token, kickOffPath);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		String status = accepted.headers().firstValue("Content-Location").orElseThrow();
		HttpResponse<String>[] done = new HttpResponse[1];
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
			done[0] = send(HttpRequest.newBuilder(URI.create(status)).header("Authorization", "Bearer " + token).GET());
			return done[0].statusCode() != 202;
		});
		assertThat(done[0].statusCode()).as(done[0].body()).isEqualTo(200);
		JsonNode manifest = json.readTree(done[0].body());
		assertThat(manifest.get("requiresAccessToken").asBoolean()).isTrue();
		Map<String, List<String>> files = new java.util.TreeMap<>();
		for (JsonNode output : manifest.get("output")) {
			HttpResponse<String> file = send(HttpRequest.newBuilder(URI.create(output.get("url").asText()))
					.header("Authorization", "Bearer " + token).header("Accept", "application/fhir+ndjson").GET());
			assertThat(file.statusCode()).isEqualTo(200);
			files.computeIfAbsent(output.get("type").asText(), t -> new ArrayList<>())
					.addAll(file.body().lines().filter(line -> !line.isBlank()).toList());
		}
		return files;
	}

	private HttpResponse<String> kickOff(String token, String path) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(fhirBase() + path))
				.header("Authorization", "Bearer " + token)
				.header("Accept", "application/fhir+json")
				.header("Prefer", "respond-async").GET());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private IIdType createPatient(String family) {
		Patient patient = new Patient();
		patient.addName().setFamily(family);
		return client().create().resource(patient).execute().getId().toUnqualifiedVersionless();
	}

	private void createObservation(IIdType patient) {
		Observation observation = new Observation();
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.setSubject(new Reference(patient));
		observation.setCode(new CodeableConcept(new Coding("http://loinc.org", "8867-4", "Heart rate")));
		observation.setValue(new Quantity().setValue(72).setSystem("http://unitsofmeasure.org").setCode("/min"));
		client().create().resource(observation).execute();
	}

	private void opposeSharing(IIdType patient) {
		Consent consent = new Consent();
		consent.setStatus(Consent.ConsentState.ACTIVE);
		consent.setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", null)));
		consent.addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0", "Patient Consent")));
		consent.setPatient(new Reference(patient));
		consent.getPolicyRule().addCoding().setSystem(ConsentPolicy.SYSTEM).setCode(ConsentPolicy.OPPOSITION_SHARING.code());
		client().create().resource(consent).execute();
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
