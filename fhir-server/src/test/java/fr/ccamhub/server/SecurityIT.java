package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import fr.ccamhub.interceptors.consent.ConsentPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** Authentication, authorization, consent and audit, end to end with real signed tokens. */
@SuppressWarnings("unchecked")
class SecurityIT extends ServerIT {

	private final HttpClient http = HttpClient.newHttpClient();

	// ---- Authentication: every failure is a 401 with an OperationOutcome, and is audited

	@Test
	void noTokenIsA401ThatIsAudited() throws Exception {
		String path = "/fhir/Patient/" + UUID.randomUUID();
		HttpResponse<String> response = get(path, null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
		assertThat(FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body()).getIssueFirstRep().getDiagnostics())
				.contains("Authentication required");
		assertRefusalAudited("GET " + path, "401");
	}

	@Test
	void expiredTokenIsRefused() throws Exception {
		String expired = TestTokens.token(TestTokens.MAIN, "late", TestTokens.AUDIENCE, List.of("clinician"), null, Map.of(), -3600);
		assertUnauthorizedAndAudited(expired);
	}

	@Test
	void tokenFromAnUntrustedIssuerIsRefused() throws Exception {
		String rogue = TestTokens.token(TestTokens.ROGUE, "mallory", TestTokens.AUDIENCE, List.of("clinician"), null, Map.of(), 3600);
		assertUnauthorizedAndAudited(rogue);
	}

	@Test
	void tokenForAnotherAudienceIsRefused() throws Exception {
		String elsewhere = TestTokens.token(TestTokens.MAIN, "dr-other", "another-api", List.of("clinician"), null, Map.of(), 3600);
		assertUnauthorizedAndAudited(elsewhere);
	}

	@Test
	void tokenWithABadSignatureIsRefused() throws Exception {
		String token = staffToken();
		String[] parts = token.split("\\.");
		char[] signature = parts[2].toCharArray();
		signature[10] = signature[10] == 'A' ? 'B' : 'A';
		assertUnauthorizedAndAudited(parts[0] + "." + parts[1] + "." + new String(signature));
	}

	@Test
	void tokensFromTheSecondTrustedIssuerAreAccepted() throws Exception {
		String psc = TestTokens.token(TestTokens.SECOND, "dr-psc", TestTokens.AUDIENCE, List.of("clinician"), null, Map.of(), 3600);
		assertThat(get("/fhir/Patient?_count=1", psc).statusCode()).isEqualTo(200);
	}

	@Test
	void theCapabilityStatementIsPublic() throws Exception {
		assertThat(get("/fhir/metadata", null).statusCode()).isEqualTo(200);
	}

	@Test
	void aSmartAppDiscoversHowToLogInWithoutAToken() throws Exception {
		for (String path : List.of("/fhir/.well-known/smart-configuration", "/.well-known/smart-configuration")) {
			HttpResponse<String> response = get(path, null);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
			Map<String, Object> smart = new com.fasterxml.jackson.databind.ObjectMapper().readValue(response.body(), Map.class);
			String issuer = TestTokens.issuer(TestTokens.MAIN);
			assertThat(smart.get("issuer").toString()).isEqualTo(issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer);
			assertThat(smart.get("token_endpoint").toString()).startsWith(issuer.replaceAll("/$", "")).endsWith("/token");
			assertThat(smart.get("authorization_endpoint").toString()).endsWith("/authorize");
			assertThat(smart.get("jwks_uri").toString()).endsWith("/jwks");
			assertThat((List<String>) smart.get("capabilities")).contains("launch-standalone", "client-public",
					"client-confidential-asymmetric", "permission-v2", "permission-v1");
			assertThat((List<String>) smart.get("scopes_supported")).contains("system/*.rs", "patient/*.rs", "launch/patient");
			assertThat((List<String>) smart.get("code_challenge_methods_supported")).containsExactly("S256");
		}
	}

	@Test
	void theCapabilityStatementSaysHowToLogIn() throws Exception {
		org.hl7.fhir.r4.model.CapabilityStatement statement = FHIR.newJsonParser().parseResource(
				org.hl7.fhir.r4.model.CapabilityStatement.class, get("/fhir/metadata", null).body());
		org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestSecurityComponent security =
				statement.getRestFirstRep().getSecurity();
		assertThat(security.getService()).flatExtracting(CodeableConcept::getCoding)
				.anySatisfy(coding -> assertThat(coding.getCode()).isEqualTo("SMART-on-FHIR"));
		org.hl7.fhir.r4.model.Extension uris = security.getExtensionByUrl(
				"http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris");
		assertThat(uris.getExtensionByUrl("token").getValue().primitiveValue()).endsWith("/token");
		assertThat(uris.getExtensionByUrl("authorize").getValue().primitiveValue()).endsWith("/authorize");
	}

	@Test
	void ledgerHeadsProofsAndKeysArePublicButEntriesNeedTheAuditorRole() throws Exception {
		assertThat(get("/ledger/v1/sth", null).statusCode()).isEqualTo(200);
		assertThat(get("/ledger/v1/public-key", null).statusCode()).isEqualTo(200);
		assertThat(get("/ledger/v1/entries?start=0&end=0", null).statusCode()).isEqualTo(401);
		assertThat(get("/ledger/v1/entries?start=0&end=0", staffToken()).statusCode()).isEqualTo(403);
		HttpResponse<String> auditor = get("/ledger/v1/entries?start=0&end=0",
				TestTokens.token("auditor-1", List.of("auditor"), null));
		assertThat(auditor.statusCode()).isEqualTo(200);
		assertThat(auditor.body()).contains("\"entries\"");
	}

	// ---- Authorization: roles and SMART scopes

	@Test
	void validTokenWithoutTheScopeIsA403ThatIsAudited() {
		IIdType patient = createPatient("Sansscope");
		String onlyObservations = TestTokens.token("dr-narrow", List.of("clinician"), "user/Observation.rs");
		assertThatThrownBy(() -> client(onlyObservations).read().resource(Patient.class).withId(patient).execute())
				.isInstanceOf(ForbiddenOperationException.class);
		assertThat(refusalsAbout(patient)).isNotEmpty();
	}

	@Test
	void deviceMayPostObservationsForItsLinkedPatientOnly() {
		IIdType linked = createPatient("Reliee");
		IIdType other = createPatient("Autre");
		String clientId = "tensiometre-" + UUID.randomUUID();
		Device device = new Device();
		device.setStatus(Device.FHIRDeviceStatus.ACTIVE);
		device.addIdentifier().setSystem("urn:ietf:params:oauth:client-id").setValue(clientId);
		device.setPatient(new Reference(linked));
		client().create().resource(device).execute();
		IGenericClient gateway = client(TestTokens.token("gateway", List.of("device"), null, Map.of("client_id", clientId)));

		assertThat(gateway.create().resource(bloodPressure(linked)).execute().getCreated()).isTrue();
		assertThatThrownBy(() -> gateway.create().resource(bloodPressure(other)).execute())
				.isInstanceOf(ForbiddenOperationException.class);
		Procedure procedure = new Procedure();
		procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
		procedure.setSubject(new Reference(linked));
		assertThatThrownBy(() -> gateway.create().resource(procedure).execute())
				.isInstanceOf(ForbiddenOperationException.class);
		assertThatThrownBy(() -> gateway.read().resource(Patient.class).withId(linked).execute())
				.isInstanceOf(ForbiddenOperationException.class);
	}

	@Test
	void coderSeesOnlyThePatientOfItsLaunchContext() {
		IIdType mine = createPatient("Contexte");
		IIdType notMine = createPatient("Horscontexte");
		IGenericClient coder = client(TestTokens.token("coder-1", List.of("coder"), "patient/*.rs",
				Map.of("patient", mine.getIdPart())));

		assertThat(coder.read().resource(Patient.class).withId(mine).execute().getIdElement().getIdPart())
				.isEqualTo(mine.getIdPart());
		assertThatThrownBy(() -> coder.read().resource(Patient.class).withId(notMine).execute())
				.isInstanceOf(ForbiddenOperationException.class);
		assertThat(refusalsAbout(notMine)).isNotEmpty();
	}

	@Test
	void coderCannotCreateClaimsAndBillingCannotReadObservations() {
		IGenericClient coder = client(TestTokens.token("coder-2", List.of("coder"), null));
		assertThatThrownBy(() -> coder.search().forResource("Claim").returnBundle(Bundle.class).execute())
				.isInstanceOf(ForbiddenOperationException.class);
		IGenericClient billing = client(TestTokens.token("billing-1", List.of("billing"), null));
		assertThatThrownBy(() -> billing.search().forResource(Observation.class).returnBundle(Bundle.class).execute())
				.isInstanceOf(ForbiddenOperationException.class);
	}

	@Test
	void aRefusedTransactionEntryIsA403NamingTheRoleTheTypeTheInteractionAndTheEntry() throws Exception {
		String coder = TestTokens.token("coder-3", List.of("coder"), null);
		String bundle = """
				{"resourceType": "Bundle", "type": "transaction", "entry": [
				  {"fullUrl": "urn:uuid:1d9d0d6b-7c2c-4c57-9a8b-0f5b6d1f3a10",
				   "resource": {"resourceType": "Procedure", "status": "completed", "subject": {"display": "x"}},
				   "request": {"method": "PUT", "url": "Procedure/refus-1"}},
				  {"fullUrl": "urn:uuid:2e8e1e7c-8d3d-4d68-8b9c-1a6c7e2a4b21",
				   "resource": {"resourceType": "Immunization", "status": "completed",
				     "vaccineCode": {"text": "BCG"}, "patient": {"display": "x"}, "occurrenceDateTime": "2026-01-01"},
				   "request": {"method": "POST", "url": "Immunization"}}]}""";
		HttpResponse<String> response = post("/fhir", coder, bundle);

		assertThat(response.statusCode()).isEqualTo(403);
		OperationOutcome.OperationOutcomeIssueComponent issue =
				FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body()).getIssueFirstRep();
		assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
		assertThat(issue.getDiagnostics()).contains("Role coder may not create Immunization (Bundle.entry[1].resource)")
				.contains("ccamhub.security.grants");
		assertThat(issue.getExpression()).extracting(Object::toString).containsExactly("Bundle.entry[1].resource");
		assertRefusalAudited("POST /fhir", "403");
	}

	@Test
	void anIntegrationClientWritesAWholeRecordWithItsProvenanceButCannotEditTheProvenance() throws Exception {
		String integration = TestTokens.token("ehr-feed", List.of("integration"), "system/*.cruds");
		String bundle = """
				{"resourceType": "Bundle", "type": "transaction", "entry": [
				  {"fullUrl": "urn:uuid:3f9f2f8d-9e4e-4e79-9cad-2b7d8f3b5c32",
				   "resource": {"resourceType": "Patient", "identifier": [{"system": "urn:oid:1.2.3.4", "value": "INTEG-1"}],
				     "name": [{"family": "Integree"}]},
				   "request": {"method": "POST", "url": "Patient", "ifNoneExist": "identifier=urn:oid:1.2.3.4|INTEG-1"}},
				  {"fullUrl": "urn:uuid:4a0a3a9e-af5f-4f8a-adbe-3c8e9a4c6d43",
				   "resource": {"resourceType": "Immunization", "status": "completed", "vaccineCode": {"text": "BCG"},
				     "patient": {"reference": "urn:uuid:3f9f2f8d-9e4e-4e79-9cad-2b7d8f3b5c32"}, "occurrenceDateTime": "2026-01-01"},
				   "request": {"method": "POST", "url": "Immunization"}},
				  {"fullUrl": "urn:uuid:5b1b4baf-b06a-4a9b-becf-4d9fab5d7e54",
				   "resource": {"resourceType": "Provenance", "recorded": "2026-01-01T10:00:00+01:00",
				     "target": [{"reference": "urn:uuid:4a0a3a9e-af5f-4f8a-adbe-3c8e9a4c6d43"}],
				     "agent": [{"who": {"display": "DPI du CHU"}}]},
				   "request": {"method": "POST", "url": "Provenance"}}]}""";
		HttpResponse<String> response = post("/fhir", integration, bundle);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Bundle result = FHIR.newJsonParser().parseResource(Bundle.class, response.body());
		assertThat(result.getEntry()).extracting(e -> e.getResponse().getStatus()).allMatch(status -> status.startsWith("201"));

		String provenanceId = new org.hl7.fhir.r4.model.IdType(result.getEntry().get(2).getResponse().getLocation())
				.toUnqualifiedVersionless().getValue();
		IGenericClient feed = client(integration);
		org.hl7.fhir.r4.model.Provenance provenance = feed.read().resource(org.hl7.fhir.r4.model.Provenance.class)
				.withUrl(provenanceId).execute();
		provenance.getAgentFirstRep().getWho().setDisplay("rewritten");
		assertThatThrownBy(() -> feed.update().resource(provenance).execute()).isInstanceOf(ForbiddenOperationException.class)
				.hasMessageContaining("update Provenance");
		IGenericClient everyRole = client(TestTokens.token("root-1",
				List.of("admin", "auditor", "clinician", "integration", "billing", "coder"), null));
		assertThatThrownBy(() -> everyRole.delete().resourceById(provenance.getIdElement().toUnqualifiedVersionless()).execute())
				.isInstanceOf(ForbiddenOperationException.class);
	}

	@Test
	void cliniciansWriteEveryClinicalTypeButStillCannotReadTheAuditTrail() {
		IGenericClient clinician = client(TestTokens.token("dr-clin", List.of("clinician"), null));
		IIdType patient = createPatient("Vaccinee");
		org.hl7.fhir.r4.model.Immunization immunization = new org.hl7.fhir.r4.model.Immunization();
		immunization.setStatus(org.hl7.fhir.r4.model.Immunization.ImmunizationStatus.COMPLETED);
		immunization.setVaccineCode(new CodeableConcept().setText("DTP"));
		immunization.setPatient(new Reference(patient));
		immunization.setOccurrence(new org.hl7.fhir.r4.model.DateTimeType("2026-02-01"));
		assertThat(clinician.create().resource(immunization).execute().getCreated()).isTrue();
		org.hl7.fhir.r4.model.CareTeam team = new org.hl7.fhir.r4.model.CareTeam();
		team.setSubject(new Reference(patient));
		assertThat(clinician.create().resource(team).execute().getCreated()).isTrue();

		assertThatThrownBy(() -> clinician.search().forResource(AuditEvent.class).returnBundle(Bundle.class).execute())
				.isInstanceOf(ForbiddenOperationException.class)
				.hasMessageContaining("Role clinician may not search AuditEvent");
	}

	@Test
	void auditorReadsTheTrailButNothingClinical() {
		IIdType patient = createPatient("Tracee");
		client().read().resource(Patient.class).withId(patient).execute();
		IGenericClient auditor = client(TestTokens.token("auditor-1", List.of("auditor"), null));

		Bundle trail = auditor.search().forResource(AuditEvent.class)
				.where(AuditEvent.PATIENT.hasId(patient)).returnBundle(Bundle.class).execute();
		assertThat(trail.getEntry()).extracting(e -> ((AuditEvent) e.getResource()))
				.anySatisfy(event -> assertThat(event.getAgent())
						.anySatisfy(agent -> assertThat(agent.getWho().getIdentifier().getValue()).isEqualTo("dr-house")));
		assertThatThrownBy(() -> auditor.read().resource(Patient.class).withId(patient).execute())
				.isInstanceOf(ForbiddenOperationException.class);
	}

	@Test
	void auditEventsCannotBeChangedOrDeleted() {
		IIdType patient = createPatient("Immuable");
		client().read().resource(Patient.class).withId(patient).execute();
		IGenericClient auditor = client(TestTokens.token("auditor-2", List.of("auditor"), null));
		AuditEvent event = (AuditEvent) auditor.search().forResource(AuditEvent.class)
				.where(AuditEvent.PATIENT.hasId(patient)).returnBundle(Bundle.class).execute()
				.getEntryFirstRep().getResource();
		event.setOutcomeDesc("rewritten");
		IGenericClient admin = client(TestTokens.token("admin-1", List.of("admin", "auditor", "clinician"), null));

		assertThatThrownBy(() -> admin.update().resource(event).execute()).isInstanceOf(ForbiddenOperationException.class);
		assertThatThrownBy(() -> admin.delete().resourceById(event.getIdElement().toUnqualifiedVersionless()).execute())
				.isInstanceOf(ForbiddenOperationException.class);
	}

	// ---- Consent

	@Test
	void partnersDoNotSeePatientsWhoOpposedSharingAndRevocationTakesEffectAtOnce() {
		IIdType opposed = createPatient("Opposee");
		IIdType consentId = createConsent(opposed, ConsentPolicy.OPPOSITION_SHARING);
		IGenericClient partner = client(TestTokens.token("mon-espace-sante", List.of("partner"), null));

		Bundle found = partner.search().forResource(Patient.class)
				.where(Patient.RES_ID.exactly().code(opposed.getIdPart())).returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).isEmpty();
		assertThatThrownBy(() -> partner.read().resource(Patient.class).withId(opposed).execute())
				.isInstanceOf(BaseServerResponseException.class);

		Consent consent = client().read().resource(Consent.class).withId(consentId).execute();
		consent.setStatus(Consent.ConsentState.INACTIVE);
		client().update().resource(consent).execute();

		assertThat(partner.read().resource(Patient.class).withId(opposed).execute().getIdElement().getIdPart())
				.isEqualTo(opposed.getIdPart());
	}

	@Test
	void partnersSeePatientsWhoDidNotOppose() {
		IIdType agreeing = createPatient("Consentante");
		IGenericClient partner = client(TestTokens.token("mon-espace-sante", List.of("partner"), null));
		assertThat(partner.read().resource(Patient.class).withId(agreeing).execute()).isNotNull();
	}

	@Test
	void researchRequestsDoNotSeePatientsWhoOpposedResearch() {
		IIdType opposed = createPatient("Sansrecherche");
		createConsent(opposed, ConsentPolicy.OPPOSITION_RESEARCH);
		IGenericClient research = client(TestTokens.token("chercheur", List.of("clinician"), null,
				Map.of("purpose_of_use", "HRESCH")));
		IGenericClient care = client(TestTokens.token("soignant", List.of("clinician"), null,
				Map.of("purpose_of_use", "TREAT")));

		Bundle forResearch = research.search().forResource(Patient.class)
				.where(Patient.RES_ID.exactly().code(opposed.getIdPart())).returnBundle(Bundle.class).execute();
		Bundle forCare = care.search().forResource(Patient.class)
				.where(Patient.RES_ID.exactly().code(opposed.getIdPart())).returnBundle(Bundle.class).execute();

		assertThat(forResearch.getEntry()).isEmpty();
		assertThat(forCare.getEntry()).hasSize(1);
	}

	@Test
	void breakTheGlassOpensARestrictedRecordAndIsFlaggedInTheAuditTrail() throws Exception {
		IIdType restricted = createPatient("Restreinte");
		createConsent(restricted, ConsentPolicy.RESTRICTED_ACCESS);
		String clinician = TestTokens.token("dr-urgence", List.of("clinician"), null);

		assertThat(get("/fhir/Patient/" + restricted.getIdPart(), clinician).statusCode()).isNotEqualTo(200);

		HttpResponse<String> emergency = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/Patient/" + restricted.getIdPart()))
						.header("Authorization", "Bearer " + clinician)
						.header("X-Break-Glass", "Patient inconscient aux urgences")
						.GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(emergency.statusCode()).isEqualTo(200);

		IGenericClient auditor = client(TestTokens.token("auditor-3", List.of("auditor"), null));
		Bundle trail = auditor.search().forResource(AuditEvent.class)
				.where(AuditEvent.PATIENT.hasId(restricted)).returnBundle(Bundle.class).execute();
		assertThat(trail.getEntry()).extracting(e -> (AuditEvent) e.getResource())
				.anySatisfy(event -> {
					assertThat(event.getPurposeOfEventFirstRep().getCodingFirstRep().getCode()).isEqualTo("BTG");
					assertThat(event.getOutcomeDesc()).contains("Patient inconscient aux urgences");
					assertThat(event.getAgentFirstRep().getWho().getIdentifier().getValue()).isEqualTo("dr-urgence");
				});
	}

	// ---- INS

	@Test
	void aPatientWithAWrongInsKeyIsA422NamingTheField() throws Exception {
		String body = "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"urn:oid:1.2.250.1.213.1.4.10\","
				+ "\"value\":\"279035121518988\"}]}";
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/Patient"))
						.header("Authorization", "Bearer " + staffToken())
						.header("Content-Type", "application/fhir+json")
						.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(422);
		OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
		assertThat(outcome.getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Patient.identifier[0].value");
		assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("wrong key 88").contains("expected 89");
	}

	@Test
	void aPatientWithAValidInsIsStored() {
		Patient patient = new Patient();
		patient.addIdentifier().setSystem("urn:oid:1.2.250.1.213.1.4.10").setValue(ClinicalResourcesIT.uniqueNir());
		patient.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE);
		assertThat(client().create().resource(patient).execute().getCreated()).isTrue();
	}

	// ---- helpers

	private void assertUnauthorizedAndAudited(String token) throws Exception {
		String path = "/fhir/Patient/" + UUID.randomUUID();
		assertThat(get(path, token).statusCode()).isEqualTo(401);
		assertRefusalAudited("GET " + path, "401");
	}

	private void assertRefusalAudited(String requestLine, String status) {
		IGenericClient auditor = client(TestTokens.token("auditor-check", List.of("auditor"), null));
		Bundle events = auditor.search().forResource(AuditEvent.class)
				.where(AuditEvent.ENTITY_NAME.matchesExactly().value(requestLine))
				.returnBundle(Bundle.class).execute();
		assertThat(events.getEntry()).extracting(e -> (AuditEvent) e.getResource())
				.anySatisfy(event -> {
					assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
					assertThat(event.getOutcomeDesc()).startsWith(status);
				});
	}

	private List<AuditEvent> refusalsAbout(IIdType patient) {
		IGenericClient auditor = client(TestTokens.token("auditor-check", List.of("auditor"), null));
		return auditor.search().forResource(AuditEvent.class)
				.where(AuditEvent.PATIENT.hasId(patient.toUnqualifiedVersionless()))
				.returnBundle(Bundle.class).execute().getEntry().stream()
				.map(e -> (AuditEvent) e.getResource())
				.filter(event -> event.getOutcome() == AuditEvent.AuditEventOutcome._4)
				.filter(event -> event.getOutcomeDesc().startsWith("403"))
				.toList();
	}

	private IIdType createPatient(String family) {
		Patient patient = new Patient();
		patient.addName().setFamily(family);
		return client().create().resource(patient).execute().getId().toUnqualifiedVersionless();
	}

	private IIdType createConsent(IIdType patient, ConsentPolicy policy) {
		Consent consent = new Consent();
		consent.setStatus(Consent.ConsentState.ACTIVE);
		consent.setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", null)));
		consent.addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0", "Patient Consent")));
		consent.setPatient(new Reference(patient));
		consent.getPolicyRule().addCoding().setSystem(ConsentPolicy.SYSTEM).setCode(policy.code());
		return client().create().resource(consent).execute().getId().toUnqualifiedVersionless();
	}

	private static Observation bloodPressure(IIdType patient) {
		Observation observation = new Observation();
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.setSubject(new Reference(patient));
		observation.setCode(new CodeableConcept(new Coding("http://loinc.org", "8480-6", "Systolic blood pressure")));
		observation.setValue(new Quantity().setValue(128).setSystem("http://unitsofmeasure.org").setCode("mm[Hg]").setUnit("mmHg"));
		return observation;
	}

	private HttpResponse<String> post(String path, String token, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Accept", "application/fhir+json")
				.header("Content-Type", "application/fhir+json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Accept", "application/fhir+json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

}
