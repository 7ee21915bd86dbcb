package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ccamhub.dmp.bundle.PdsmProfiles;
import fr.ccamhub.dmp.recipient.LocalDocumentRecipient;
import fr.ccamhub.dmp.recipient.LocalDocumentRecipient.Fault;
import fr.ccamhub.dmp.validation.PdsmValidator;
import fr.ccamhub.interceptors.consent.ConsentPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Sharing with the DMP end to end, on a server of its own (authentication on, DMP on) and a local PDSm Document
 * Recipient that validates every Bundle it receives: documents from HL7 MDM and from FHIR reach it once and valid,
 * never against an opposition or without a qualified INS, a replacement supersedes what it replaces, a refused
 * document waits in the dead letters until an administrator replays it, and partners find documents by INS only where
 * the patient allows it.
 */
class DmpExchangeIT {

	private static final FhirContext FHIR = FhirContext.forR4Cached();
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	private static final String INS_NIR = "urn:oid:1.2.250.1.213.1.4.8";
	private static final Duration WAIT = Duration.ofSeconds(90);

	@TempDir
	static Path directory;

	private static PdsmValidator validator;
	private static LocalDocumentRecipient recipient;
	private static ConfigurableApplicationContext server;
	private static String base;
	private static int mllpPort;

	@BeforeAll
	static void start() throws Exception {
		validator = new PdsmValidator(FHIR);
		recipient = new LocalDocumentRecipient(FHIR, validator);
		try (ServerSocket socket = new ServerSocket(0)) {
			mllpPort = socket.getLocalPort();
		}
		server = StandaloneServer.start(directory.resolve("data"), mllpPort,
				"--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.issuer(TestTokens.MAIN),
				"--ccamhub.security.audiences=" + TestTokens.AUDIENCE,
				"--ccamhub.dmp.enabled=true",
				"--ccamhub.dmp.endpoint=" + recipient.base(),
				"--ccamhub.dmp.source-id=1.2.250.1.999.1.1.7",
				"--ccamhub.dmp.organization.finess=750712184",
				"--ccamhub.dmp.organization.name=CENTRE HOSPITALIER EXEMPLE",
				"--ccamhub.dmp.read-timeout=2s",
				// Each request to the recipient carries a token from an OAuth2 client-credentials grant.
				"--ccamhub.dmp.oauth2.token-uri=" + TestTokens.issuer(TestTokens.MAIN) + "/token",
				"--ccamhub.dmp.oauth2.client-id=ccamhub-dmp",
				"--ccamhub.dmp.oauth2.client-secret=secret",
				"--ccamhub.dmp.oauth2.scope=dmp",
				"--ccamhub.dmp.dispatcher.interval=200ms",
				"--ccamhub.dmp.retry.initial-backoff=100ms",
				"--ccamhub.dmp.retry.max-backoff=300ms");
		base = "http://127.0.0.1:" + server.getBean(Environment.class).getProperty("local.server.port");
		FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
		if (recipient != null) {
			recipient.close();
		}
	}

	@Test
	void anMdmT02OverMllpReachesTheRecipientOnceValidAndAudited() throws Exception {
		String message = resource("/hl7v2/fr-cisis_MDM_T02_CR-radio_init_v2.1.er7");
		try (MllpClient mllp = new MllpClient(mllpPort)) {
			assertThat(mllp.send(message)).contains("MSA|AA");
		}
		String masterIdentifier = "urn:oid:1.2.250.1.71.4.2.2.120456789.71024000081";
		LocalDocumentRecipient.StoredDocument stored = await().atMost(WAIT).until(() -> storedAs(masterIdentifier),
				found -> found != null);

		assertThat(stored.documentReference().getType().getCodingFirstRep().getCode()).isEqualTo("18748-4");
		assertThat(stored.documentReference().getSubject().getIdentifier().getValue()).isEqualTo("279035121518989");
		assertThat(recipient.validations()).allSatisfy(report -> assertThat(report.errors()).isEmpty());
		assertThat(recipient.authorizations()).allSatisfy(authorization -> assertThat(authorization).startsWith("Bearer ey"));

		// The same message again: acknowledged as before, the document is not sent a second time.
		try (MllpClient mllp = new MllpClient(mllpPort)) {
			assertThat(mllp.send(message)).contains("MSA|AA");
		}
		int requests = recipient.provideRequests().size();
		await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
				.until(() -> recipient.provideRequests().size() == requests);
		assertThat(recipient.stored().stream().filter(document -> masterIdentifier
				.equals(document.documentReference().getMasterIdentifier().getValue()))).hasSize(1);

		DocumentReference local = (DocumentReference) clinician().search().forResource(DocumentReference.class)
				.where(DocumentReference.IDENTIFIER.exactly().code("1.2.250.1.71.4.2.2.120456789.71024000081"))
				.returnBundle(Bundle.class).execute().getEntryFirstRep().getResource();
		await().atMost(WAIT).until(() -> clinician().read().resource(DocumentReference.class).withId(local.getIdElement()
				.toUnqualifiedVersionless()).execute().getMeta().getTag("https://fhir.ccamhub.fr/CodeSystem/dmp-sharing",
						"partage-dmp") != null);
		List<AuditEvent> attempts = auditEventsOf(local);
		assertThat(attempts).anySatisfy(event -> {
			assertThat(event.getSubtypeFirstRep().getCode()).isEqualTo("ITI-65");
			assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
		});
	}

	@Test
	void aReplacementSentAfterItsOriginalSupersedesIt() throws Exception {
		String original = resource("/hl7v2/fr-cisis_MDM_T02_CR-radio_init_v2.1.er7")
				.replace("|015|P|2.6", "|R-015|P|2.6")
				.replace("71024000081", "71024000181");
		try (MllpClient mllp = new MllpClient(mllpPort)) {
			assertThat(mllp.send(original)).contains("MSA|AA");
		}
		await().atMost(WAIT).until(() -> storedAs("urn:oid:1.2.250.1.71.4.2.2.120456789.71024000181"), found -> found != null);

		String replacement = original.replace("MDM^T02^MDM_T02|R-015", "MDM^T10^MDM_T02|R-016")
				.replace("1.2.250.1.71.4.2.2.120456789.71024000181|", "1.2.250.1.71.4.2.2.120456789.71024000182|1.2.250.1.71.4.2.2.120456789.71024000181|");
		try (MllpClient mllp = new MllpClient(mllpPort)) {
			assertThat(mllp.send(replacement)).contains("MSA|AA");
		}
		LocalDocumentRecipient.StoredDocument stored = await().atMost(WAIT)
				.until(() -> storedAs("urn:oid:1.2.250.1.71.4.2.2.120456789.71024000182"), found -> found != null);

		assertThat(stored.documentReference().getRelatesToFirstRep().getCode())
				.isEqualTo(DocumentReference.DocumentRelationshipType.REPLACES);
		assertThat(recipient.supersededIds()).contains("urn:oid:1.2.250.1.71.4.2.2.120456789.71024000181");
		assertThat(storedAs("urn:oid:1.2.250.1.71.4.2.2.120456789.71024000181").documentReference().getStatus())
				.isEqualTo(Enumerations.DocumentReferenceStatus.SUPERSEDED);
		assertThat(recipient.provideRequests().get(recipient.provideRequests().size() - 1)).contains("\"PATCH\"");
	}

	@Test
	void anOppositionHoldsTheDocumentWithAReasonAndPartnersDoNotFindIt() throws Exception {
		String ins = ins("1800175123450");
		IdType patient = patient(ins, "VALI");
		opposeSharing(patient);
		IdType document = document(patient, "opposition");

		JsonNode rows = await().atMost(WAIT).until(() -> sharingOf(document), found -> found.size() == 1
				&& found.get(0).get("state").asText().equals("HELD"));

		assertThat(rows.get(0).get("holdText").asText()).contains("s'oppose");
		assertThat(recipient.provideRequests()).noneMatch(request -> request.contains(ins));
		Bundle found = partner().search().byUrl("DocumentReference?patient.identifier="
				+ URLEncoder.encode(INS_NIR + "|" + ins, StandardCharsets.UTF_8)).returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).isEmpty();
	}

	@Test
	void aPatientWithoutQualifiedInsHasTheDocumentHeld() throws Exception {
		Patient unqualified = new Patient();
		unqualified.addName().setFamily("SANSINS").addGiven("Paul");
		IdType patient = new IdType(clinician().create().resource(unqualified).execute().getId().toUnqualifiedVersionless().getValue());
		IdType document = document(patient, "sans INS");

		JsonNode rows = await().atMost(WAIT).until(() -> sharingOf(document), found -> found.size() == 1
				&& found.get(0).get("state").asText().equals("HELD"));

		assertThat(rows.get(0).get("holdText").asText()).contains("pas d'INS");
	}

	@Test
	void aRefusedDocumentWaitsInTheDeadLettersUntilAnAdministratorReplaysIt() throws Exception {
		String ins = ins("1800175123451");
		IdType patient = patient(ins, "VALI");
		recipient.failNext(new Fault.Status(422));
		IdType document = document(patient, "refusé puis rejoué");

		await().atMost(WAIT).until(() -> sharingOf(document), found -> found.size() == 1
				&& found.get(0).get("state").asText().equals("DEAD"));
		JsonNode letters = json(get("/dmp/v1/dead-letters", admin()));
		JsonNode letter = null;
		for (JsonNode candidate : letters) {
			if (candidate.get("documentId").asText().equals(document.getIdPart())) {
				letter = candidate;
			}
		}
		assertThat(letter).isNotNull();
		assertThat(letter.get("httpStatus").asInt()).isEqualTo(422);
		assertThat(get("/dmp/v1/dead-letters", partnerToken()).statusCode()).isEqualTo(403);

		HttpResponse<String> replay = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/dmp/v1/dead-letters/"
				+ letter.get("id").asText() + "/replay")).header("Authorization", "Bearer " + admin())
				.POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(replay.statusCode()).isEqualTo(200);

		await().atMost(WAIT).until(() -> sharingOf(document), found -> found.get(0).get("state").asText().equals("DELIVERED"));
		// ITI-67 as a partner asks it: by INS, status, type and PDSm's period-start.
		Bundle found = partner().search().byUrl("DocumentReference?patient.identifier="
				+ URLEncoder.encode(INS_NIR + "|" + ins, StandardCharsets.UTF_8) + "&status=current"
				+ "&type=" + URLEncoder.encode("http://loinc.org|11490-0", StandardCharsets.UTF_8)
				+ "&period-start=ge2020-01-01").returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).extracting(entry -> entry.getResource().getIdElement().getIdPart())
				.containsExactly(document.getIdPart());

		// Answered as a PDSm Document Responder: a valid ITI-67 response, the content where ITI-68 retrieves it.
		assertThat(validator.validate(found, PdsmProfiles.FIND_DOCUMENT_REFERENCES_RESPONSE).errors())
				.as(FHIR.newJsonParser().encodeResourceToString(found)).isEmpty();
		DocumentReference shared = (DocumentReference) found.getEntryFirstRep().getResource();
		assertThat(shared.getContained()).isNotEmpty();
		assertThat(shared.getCustodian().getReference()).startsWith("#");
		String contentUrl = shared.getContentFirstRep().getAttachment().getUrl();
		assertThat(contentUrl).startsWith(base + "/fhir/Binary/");
		Binary content = partner().read().resource(Binary.class).withUrl(contentUrl).execute();
		assertThat(content.getData()).hasSize(shared.getContentFirstRep().getAttachment().getSize());
		// The partner's search is in the audit trail like any access.
		Bundle audits = auditor().search().byUrl("AuditEvent?patient=" + patient.getValue() + "&_count=500")
				.returnBundle(Bundle.class).execute();
		assertThat(audits.getEntry()).extracting(entry -> (AuditEvent) entry.getResource())
				.anySatisfy(event -> assertThat(event.getAgent()).anySatisfy(agent -> assertThat(agent.getWho()
						.getIdentifier().getValue()).isEqualTo("mon-espace-sante")));
	}

	@Test
	void theSummaryOfAStaysCodedActsIsRenderedInFrenchStoredOnceAndShared() throws Exception {
		String ins = ins("1800175123452");
		IdType patient = patient(ins, "VALI");
		Practitioner surgeon = new Practitioner();
		surgeon.addIdentifier().setSystem("urn:oid:1.2.250.1.71.4.2.1").setValue("810101209999");
		surgeon.addName().setFamily("CHIRURGIEN").addGiven("Paul");
		IdType surgeonId = new IdType(clinician().create().resource(surgeon).execute().getId().toUnqualifiedVersionless()
				.getValue());
		org.hl7.fhir.r4.model.Encounter stay = new org.hl7.fhir.r4.model.Encounter();
		stay.setStatus(org.hl7.fhir.r4.model.Encounter.EncounterStatus.FINISHED);
		stay.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient encounter"));
		stay.setSubject(new Reference(patient));
		stay.getPeriod().setStart(new Date(System.currentTimeMillis() - 3 * 86_400_000L)).setEnd(new Date());
		IdType stayId = new IdType(clinician().create().resource(stay).execute().getId().toUnqualifiedVersionless().getValue());
		org.hl7.fhir.r4.model.Procedure act = new org.hl7.fhir.r4.model.Procedure();
		act.setStatus(org.hl7.fhir.r4.model.Procedure.ProcedureStatus.COMPLETED);
		act.setSubject(new Reference(patient));
		act.setEncounter(new Reference(stayId));
		act.setCode(new CodeableConcept(new Coding("https://smt.esante.gouv.fr/terminologie-ccam", "HHFA016", null)));
		act.setPerformed(new org.hl7.fhir.r4.model.DateTimeType(new Date(System.currentTimeMillis() - 2 * 86_400_000L)));
		act.addPerformer().setActor(new Reference(surgeonId));
		clinician().create().resource(act).execute();

		DocumentReference summary = clinician().operation().onInstance(stayId).named("$acts-summary")
				.withNoParameters(org.hl7.fhir.r4.model.Parameters.class).returnResourceType(DocumentReference.class).execute();
		DocumentReference again = clinician().operation().onInstance(stayId).named("$acts-summary")
				.withNoParameters(org.hl7.fhir.r4.model.Parameters.class).returnResourceType(DocumentReference.class).execute();

		assertThat(again.getIdElement().getIdPart()).isEqualTo(summary.getIdElement().getIdPart());
		assertThat(summary.getType().getCodingFirstRep().getCode()).isEqualTo("34133-9");
		assertThat(summary.getAuthorFirstRep().getReference()).isEqualTo(surgeonId.getValue());
		LocalDocumentRecipient.StoredDocument shared = await().atMost(WAIT)
				.until(() -> storedAs(summary.getMasterIdentifier().getValue()), found -> found != null);
		String text;
		try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(shared.content())) {
			text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
		}
		assertThat(text).contains("Synthèse des actes CCAM du séjour", "HHFA016", "Appendicectomie", ins,
				"Réalisé par Dr Paul CHIRURGIEN");
	}

	private static LocalDocumentRecipient.StoredDocument storedAs(String masterIdentifier) {
		return recipient.stored().stream()
				.filter(document -> masterIdentifier.equals(document.documentReference().getMasterIdentifier().getValue()))
				.findFirst().orElse(null);
	}

	private static JsonNode sharingOf(IdType document) throws Exception {
		return json(get("/dmp/v1/documents/" + document.getIdPart(), admin()));
	}

	private static List<AuditEvent> auditEventsOf(DocumentReference document) {
		Bundle events = auditor().search().byUrl("AuditEvent?entity=DocumentReference/" + document.getIdElement().getIdPart()
				+ "/_history/" + document.getIdElement().getVersionIdPart()).returnBundle(Bundle.class).execute();
		return events.getEntry().stream().map(entry -> (AuditEvent) entry.getResource()).toList();
	}

	private static IdType patient(String ins, String identityStatus) {
		Patient patient = new Patient();
		patient.addIdentifier().setSystem(INS_NIR).setValue(ins)
				.setType(new CodeableConcept(new Coding("https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203", "INS-NIR", null)));
		patient.addName().setFamily("DMP").addGiven("Alice");
		patient.setGender(Enumerations.AdministrativeGender.FEMALE);
		patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1980-01-17"));
		Extension reliability = patient.addExtension()
				.setUrl("https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability");
		reliability.addExtension("identityStatus",
				new Coding("https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0445", identityStatus, null));
		return new IdType(clinician().create().resource(patient).execute().getId().toUnqualifiedVersionless().getValue());
	}

	private static void opposeSharing(IdType patient) {
		Consent consent = new Consent();
		consent.setStatus(Consent.ConsentState.ACTIVE);
		consent.setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", null)));
		consent.addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0", "Patient Consent")));
		consent.setPatient(new Reference(patient));
		consent.getPolicyRule().addCoding().setSystem(ConsentPolicy.SYSTEM).setCode(ConsentPolicy.OPPOSITION_SHARING.code());
		clinician().create().resource(consent).execute();
	}

	/** A discharge letter (PDF) written by a practitioner with an RPPS, stored as a transaction: Binary + DocumentReference. */
	private static IdType document(IdType patient, String title) {
		Practitioner author = new Practitioner();
		author.addIdentifier().setSystem("urn:oid:1.2.250.1.71.4.2.1").setValue("810101201234");
		author.addName().setFamily("MARTIN").addGiven("Sophie");
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setFullUrl("urn:uuid:7d6c9e2a-0000-4000-8000-000000000001").setResource(author)
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Practitioner")
				.setIfNoneExist("identifier=urn:oid:1.2.250.1.71.4.2.1|810101201234");
		Binary content = new Binary().setContentType("application/pdf")
				.setData(("%PDF-1.4\n% " + title + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8));
		transaction.addEntry().setFullUrl("urn:uuid:7d6c9e2a-0000-4000-8000-000000000002").setResource(content)
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Binary");
		DocumentReference document = new DocumentReference();
		document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
		document.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
		document.setType(new CodeableConcept(new Coding("http://loinc.org", "11490-0", "Physician Discharge summary")));
		document.setSubject(new Reference(patient));
		document.setDate(new Date());
		document.getContext().getPeriod().setStart(new Date());
		document.addAuthor(new Reference("urn:uuid:7d6c9e2a-0000-4000-8000-000000000001"));
		document.addContent().getAttachment().setContentType("application/pdf").setTitle("Lettre de liaison : " + title)
				.setUrl("urn:uuid:7d6c9e2a-0000-4000-8000-000000000002");
		transaction.addEntry().setFullUrl("urn:uuid:7d6c9e2a-0000-4000-8000-000000000003").setResource(document)
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("DocumentReference");
		Bundle response = clinician().transaction().withBundle(transaction).execute();
		return new IdType(response.getEntry().get(2).getResponse().getLocation()).toUnqualifiedVersionless();
	}

	/** A valid INS-NIR: the 13 digits and their key. */
	private static String ins(String thirteenDigits) {
		long key = 97 - Long.parseLong(thirteenDigits) % 97;
		return thirteenDigits + String.format("%02d", key);
	}

	private static IGenericClient clinician() {
		return client(TestTokens.token("dr-dmp", List.of("clinician"), null));
	}

	private static IGenericClient auditor() {
		return client(TestTokens.token("auditeur-dmp", List.of("auditor"), null));
	}

	private static IGenericClient partner() {
		return client(partnerToken());
	}

	private static String partnerToken() {
		return TestTokens.token("mon-espace-sante", List.of("partner"), "system/*.rs");
	}

	private static String admin() {
		return TestTokens.token("admin-dmp", List.of("admin"), null);
	}

	private static IGenericClient client(String token) {
		IGenericClient client = FHIR.newRestfulGenericClient(base + "/fhir");
		client.registerInterceptor(new BearerTokenAuthInterceptor(token));
		return client;
	}

	private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET()
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) throws IOException {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static String resource(String path) throws IOException {
		try (InputStream in = DmpExchangeIT.class.getResourceAsStream(path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
