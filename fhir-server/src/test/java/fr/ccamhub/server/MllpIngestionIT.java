package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** HL7 v2 over a real MLLP socket into the running server, with real messages. */
class MllpIngestionIT extends ServerIT {

	private static final String ACT_SYSTEM = "https://fhir.ccamhub.fr/sid/hl7/GAP%40CLINIQUE-A/act";

	@Autowired
	MeterRegistry meters;

	@ParameterizedTest(name = "{0} -> {1} {2}")
	@CsvSource({
		"fr-cisis_ACK_R01_v2.1.hl7, AR, MSH^1^9",
		"fr-cisis_ACK_T02_LPS.er7, AR, MSH^1^9",
		"fr-cisis_MDM_T02_CR-radio_init_base64_330KB.er7, AA, ",
		"fr-cisis_MDM_T02_CR-radio_init_v2.1.er7, AA, ",
		"fr-cisis_MDM_T02_LPS-MSSante_init_v1.1.er7, AA, ",
		"fr-cisis_MDM_T04_CR-radio_delete_v2.0.er7, AA, ",
		"fr-cisis_MDM_T10_CR-radio_replace_v2.0.er7, AA, ",
		"fr-cisis_ORU_R01_CR-bio_delete_N1N3_v2.1.er7, AA, ",
		"fr-cisis_ORU_R01_CR-bio_init_N1N3_v2.1.hl7, AA, ",
		"fr-cisis_ORU_R01_CR-bio_init_N3_SEGUR_base64-CDA_293KB.hl7, AA, ",
		"fr-cisis_ORU_R01_CR-bio_replace_N1N3_v2.1.er7, AA, ",
		"fr-cisis_ORU_R01_CR-bio_replace_base64_820KB.er7, AA, ",
		// The ANS sample of volet v1.2 carries an INS-NIR whose key is wrong (80 instead of 26).
		"fr-cisis_ORU_R01_CR-bio_v1.2.hl7, AE, PID^1^3",
		"fr-cisis_ZAM_Z01_accuse-reception-DMP_v2.1.hl7, AR, MSH^1^9",
		"fr-cisis_ZAM_Z02_accuse-reception-MSS_v2.1.hl7, AR, MSH^1^9",
		"fr-cisis_ZAM_Z03_accuse-lecture-MSS_v2.1.hl7, AR, MSH^1^9",
		"fr-pamfr_ADT_A01_admission_SGL.er7, AA, ",
		"fr-pamfr_ADT_A01_consent_DMP_consult-N_feed-notopposed.er7, AA, ",
		"fr-pamfr_ADT_A01_consent_DMP_consult-N_feed-opposed.er7, AA, ",
		"fr-pamfr_ADT_A01_consent_DMP_consult-Y_feed-notopposed.er7, AA, ",
		"fr-pamfr_ADT_A01_consent_DMP_consult-unknown_feed-notopposed.er7, AA, ",
		"fr-pamfr_ADT_A01_consent_DMP_consult-unknown_feed-unknown.er7, AA, ",
		"fr-pamfr_ADT_A03_sortie_SGL.er7, AA, ",
		"hapi_ADT_A01_v2.4_docs-example.hl7, AA, ",
		"hapi_ADT_A03_v2.5_PR1.hl7, AA, ",
		"hapi_messages-txt_BAR_P01_1_line13.hl7, AA, ",
		"hapi_messages-txt_BAR_P01_2_line26.hl7, AR, MSH^1",
		"hapi_messages-txt_BAR_P01_3_line36.hl7, AA, ",
		"hapi_messages-txt_ORM_O01_1_line105.hl7, AR, MSH^1^12",
		"hapi_messages-txt_ORU_R01_1_line4.hl7, AR, MSH^1^12",
		"ihe-iti8_ADT_A01_incomplete_NEGATIVE.hl7, AE, PID^1",
		"ihe-iti8_ADT_A01_maximal_v2.3.1.hl7, AA, ",
		"ihe-iti8_ADT_A01_v2.3.1.hl7, AA, ",
		"ihe-iti8_ADT_A04_v2.3.1.hl7, AA, ",
		"ihe-iti8_ADT_A08_v2.3.1.hl7, AA, ",
		"ihe-iti8_ADT_A40_iso-8859-1.hl7, AA, ",
		"ihe-pcd01_ACK_R01.hl7, AR, MSH^1^9",
		"ihe-pcd01_ORU_R01_blood-pressure_maximal.hl7, AA, ",
		"ihe-pcd01_ORU_R01_blood-pressure_minimal.hl7, AA, ",
		"ipf_ORU_R01_lab_v2.5.hl7, AA, ",
		"ipf_ORU_R01_v2.5.1_msg10.hl7, AA, ",
	})
	void everyCorpusMessageGetsTheRightAck(String file, String expectedCode, String errorLocation) throws Exception {
		byte[] message = resource("/hl7v2/" + file);
		String ack = send(message, file.contains("8859") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);

		assertThat(field(segment(ack, "MSA"), 1)).as(ack).isEqualTo(expectedCode);
		assertThat(field(segment(ack, "MSA"), 2)).isEqualTo(controlId(message));
		if (errorLocation != null) {
			assertThat(field(segment(ack, "ERR"), 2)).as(ack).isEqualTo(errorLocation);
			assertThat(field(segment(ack, "ERR"), 8)).as(ack).isNotBlank();
		}
	}

	@Test
	void aFrenchDftBecomesCcamCodedProceduresAndADiagnosis() throws Exception {
		assertThat(msa(send(resource("/hl7v2-ccam/dft_p03_appendicectomie_nuit.hl7"), StandardCharsets.UTF_8))).isEqualTo("AA");

		Procedure surgery = procedure("FT-0001");
		Coding code = surgery.getCode().getCodingFirstRep();
		assertThat(code.getSystem()).isEqualTo(CCAM);
		assertThat(code.getCode()).isEqualTo("HHFA016");
		assertThat(code.getDisplay()).startsWith("Appendicectomie, par cœlioscopie");
		assertThat(surgery.getExtensionsByUrl("https://fhir.ccamhub.fr/StructureDefinition/ccam-modificateur"))
				.extracting(e -> ((Coding) e.getValue()).getCode()).containsExactly("U", "J");
		assertThat(surgery.getNote()).extracting(n -> n.getText())
				.contains("Appendicectomie coelio en urgence à 23 h, appendice phlegmoneux", "Drainage non nécessaire");
		assertThat(surgery.getPerformedDateTimeType().getValueAsString()).startsWith("2026-03-11T23:30:00");
		assertThat(surgery.getPerformerFirstRep().getActor().getReference()).startsWith("Practitioner/");
		assertThat(surgery.getEncounter().getReference()).startsWith("Encounter/");
		assertThat(procedure("FT-0002").getCode().getCodingFirstRep().getSystem()).as("OID 1.2.250.1.213.2.5 is CCAM").isEqualTo(CCAM);

		Bundle diagnoses = client().search().forResource(Condition.class)
				.where(Condition.CODE.exactly().systemAndCode("https://smt.esante.gouv.fr/terminologie-cim-10", "K358"))
				.returnBundle(Bundle.class).execute();
		assertThat(diagnoses.getEntry()).isNotEmpty();
	}

	@Test
	void aBarP12ProcedureSegmentBecomesAProcedure() throws Exception {
		assertThat(msa(send(resource("/hl7v2-ccam/bar_p12_cholecystectomie.hl7"), StandardCharsets.UTF_8))).isEqualTo("AA");
		Bundle found = client().search().forResource(Procedure.class)
				.where(Procedure.CODE.exactly().systemAndCode(CCAM, "HMFC004")).returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).isNotEmpty();
	}

	@Test
	void aReplayedMessageGetsItsOriginalAckAndStoresNothingNew() throws Exception {
		byte[] message = resource("/hl7v2-ccam/dft_p03_appendicectomie_nuit.hl7");
		String first = send(message, StandardCharsets.UTF_8);
		String second = send(message, StandardCharsets.UTF_8);

		assertThat(second).isEqualTo(first);
		Bundle acts = client().search().forResource(Procedure.class)
				.where(Procedure.IDENTIFIER.exactly().systemAndCode(ACT_SYSTEM, "FT-0001")).returnBundle(Bundle.class).execute();
		assertThat(acts.getEntry()).hasSize(1);
		Bundle patients = client().search().forResource(Patient.class)
				.where(Patient.IDENTIFIER.exactly().systemAndCode("urn:oid:1.2.250.1.999.2", "123456")).returnBundle(Bundle.class).execute();
		assertThat(patients.getEntry()).hasSize(1);
	}

	@Test
	void anUnknownCcamCodeIsAnAeNamingFt1Field25AndNothingIsStored() throws Exception {
		String ack = send(resource("/hl7v2-ccam/dft_p03_code_inconnu.hl7"), StandardCharsets.UTF_8);
		assertThat(msa(ack)).isEqualTo("AE");
		assertThat(field(segment(ack, "ERR"), 2)).isEqualTo("FT1^1^25");
		assertThat(field(segment(ack, "ERR"), 3)).startsWith("103");
		assertThat(field(segment(ack, "ERR"), 8)).contains("HHFA999");
		assertThat(client().search().forResource(Procedure.class)
				.where(Procedure.IDENTIFIER.exactly().systemAndCode(ACT_SYSTEM, "FT-0003")).returnBundle(Bundle.class).execute()
				.getEntry()).isEmpty();
	}

	@Test
	void anUnknownCcamModifierIsAnAeNamingFt1Field26() throws Exception {
		String ack = send(resource("/hl7v2-ccam/dft_p03_modificateur_inconnu.hl7"), StandardCharsets.UTF_8);
		assertThat(msa(ack)).isEqualTo("AE");
		assertThat(field(segment(ack, "ERR"), 2)).isEqualTo("FT1^1^26");
		assertThat(field(segment(ack, "ERR"), 8)).contains("X9");
	}

	@Test
	void aWrongInsKeyIsAnAeNamingPid3AndThePatientIsNotStored() throws Exception {
		String ack = send(resource("/hl7v2-ccam/adt_a01_ins_cle_fausse.hl7"), StandardCharsets.UTF_8);
		assertThat(msa(ack)).isEqualTo("AE");
		assertThat(field(segment(ack, "ERR"), 2)).isEqualTo("PID^1^3");
		assertThat(field(segment(ack, "ERR"), 8)).contains("wrong key");
		assertThat(client().search().forResource(Patient.class)
				.where(Patient.IDENTIFIER.exactly().systemAndCode("urn:oid:1.2.250.1.999.2", "123457")).returnBundle(Bundle.class)
				.execute().getEntry()).isEmpty();
	}

	@Test
	void aUtf8ByteOrderMarkAndLineFeedsAreTolerated() throws Exception {
		String text = new String(resource("/hl7v2-ccam/bar_p12_cholecystectomie.hl7"), StandardCharsets.UTF_8)
				.replace("BAR-0001", "BAR-BOM-LF").replace('\r', '\n');
		byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		byte[] message = Arrays.copyOf(bom, bom.length + body.length);
		System.arraycopy(body, 0, message, bom.length, body.length);
		assertThat(msa(send(message, StandardCharsets.UTF_8))).isEqualTo("AA");
	}

	@Test
	void refusedMessagesWaitInQuarantineWithTheirReasonAndCanBeReplayed() throws Exception {
		send(resource("/hl7v2-ccam/dft_p03_code_inconnu.hl7"), StandardCharsets.UTF_8);
		String admin = TestTokens.token("interface-admin", List.of("admin"), null);
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/hl7/v1/quarantine"))
				.header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("DFT-0002").contains("HHFA999").contains("FT1[1]-25");
		long id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(list.body()).findValues("id").stream()
				.mapToLong(node -> node.asLong()).max().orElseThrow();

		HttpResponse<String> replay = http.send(HttpRequest.newBuilder(
						URI.create("http://localhost:" + port + "/hl7/v1/quarantine/" + id + "/replay"))
				.header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(replay.statusCode()).isEqualTo(200);
		assertThat(replay.body()).contains("\"code\":\"AE\"");

		String clinician = TestTokens.token("dr-curious", List.of("clinician"), null);
		assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/hl7/v1/quarantine"))
				.header("Authorization", "Bearer " + clinician).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
				.isEqualTo(403);
	}

	@Test
	void aPamFrOppositionToTheDmpHidesThePatientFromPartnersUntilWithdrawn() throws Exception {
		// Another patient than the corpus one: own IPP and own INS (two patients must never share an INS).
		String ins = ClinicalResourcesIT.uniqueNir();
		String opposed = new String(resource("/hl7v2/fr-pamfr_ADT_A01_consent_DMP_consult-N_feed-opposed.er7"), StandardCharsets.UTF_8)
				.replace("|3977|", "|ZFA-OPPOSED|").replace("000003^^^CHU-X", "ZFA-IPP-1^^^CHU-X").replace("279035121518989", ins);
		String notOpposed = new String(resource("/hl7v2/fr-pamfr_ADT_A01_consent_DMP_consult-N_feed-notopposed.er7"), StandardCharsets.UTF_8)
				.replace("|3976|", "|ZFA-NOT-OPPOSED|").replace("000003^^^CHU-X", "ZFA-IPP-1^^^CHU-X").replace("279035121518989", ins);
		var partner = client(TestTokens.token("mon-espace-sante", List.of("partner"), null));
		var byIpp = Patient.IDENTIFIER.exactly().systemAndCode("https://fhir.ccamhub.fr/sid/hl7/CHU-X", "ZFA-IPP-1");

		assertThat(msa(send(opposed.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))).isEqualTo("AA");
		assertThat(client().search().forResource(Patient.class).where(byIpp).returnBundle(Bundle.class).execute().getEntry()).hasSize(1);
		assertThat(partner.search().forResource(Patient.class).where(byIpp).returnBundle(Bundle.class).execute().getEntry()).isEmpty();

		assertThat(msa(send(notOpposed.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))).isEqualTo("AA");
		assertThat(partner.search().forResource(Patient.class).where(byIpp).returnBundle(Bundle.class).execute().getEntry()).hasSize(1);
	}


	@Test
	void ingestionIsMeasured() throws Exception {
		send(resource("/hl7v2/ihe-iti8_ADT_A08_v2.3.1.hl7"), StandardCharsets.UTF_8);
		assertThat(meters.find("ccamhub.hl7.messages").counters()).isNotEmpty();
		assertThat(meters.find("ccamhub.hl7.ack.latency").timer()).isNotNull();
	}

	private Procedure procedure(String transactionId) {
		Bundle found = client().search().forResource(Procedure.class)
				.where(Procedure.IDENTIFIER.exactly().systemAndCode(ACT_SYSTEM, transactionId)).returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).as("procedure " + transactionId).hasSize(1);
		return (Procedure) found.getEntryFirstRep().getResource();
	}

	private static String send(byte[] message, Charset charset) throws IOException {
		try (MllpClient client = new MllpClient(MLLP_PORT)) {
			return client.send(message, charset);
		}
	}

	private static byte[] resource(String path) throws IOException {
		try (InputStream in = MllpIngestionIT.class.getResourceAsStream(path)) {
			return in.readAllBytes();
		}
	}

	private static String msa(String ack) {
		return field(segment(ack, "MSA"), 1);
	}

	private static String segment(String ack, String name) {
		return Arrays.stream(ack.split("\r")).filter(s -> s.startsWith(name + "|")).findFirst().orElse("");
	}

	private static String field(String segment, int number) {
		String[] fields = segment.split("\\|", -1);
		return number < fields.length ? fields[number] : null;
	}

	private static String controlId(byte[] message) {
		String text = new String(message, StandardCharsets.ISO_8859_1);
		String msh = text.substring(text.indexOf("MSH")).split("[\r\n]")[0];
		return msh.split("\\|", -1)[9];
	}

}
