package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** The coding copilot over real HTTP, MLLP and PostgreSQL: suggestions, auto-coding, review, learning. */
class CopilotIT extends ServerIT {

	private static final String STATUS = "https://fhir.ccamhub.fr/CodeSystem/statut-codage";
	private static final String TASKS = "https://fhir.ccamhub.fr/CodeSystem/tache-codage";
	private static final String ACTIVITIES = "https://fhir.ccamhub.fr/CodeSystem/activite-codage";
	private static final String ACT_SYSTEM = "https://fhir.ccamhub.fr/sid/hl7/GAP%40CLINIQUE-A/act";

	private static String coderToken() {
		return TestTokens.token("coder-1", List.of("coder"), null);
	}

	@Test
	void suggestCcamAnswersCodesWithConfidenceExplanationAndEngine() {
		Parameters out = suggest(client(coderToken()), "cholécystectomie sous coelio pour lithiase vésiculaire");
		Parameters.ParametersParameterComponent first = out.getParameter().stream()
				.filter(p -> p.getName().equals("suggestion")).findFirst().orElseThrow();
		assertThat(((Coding) part(first, "code").getValue()).getCode()).isEqualTo("HMFC004");
		assertThat(((Coding) part(first, "code").getValue()).getSystem()).isEqualTo(CCAM);
		assertThat(((IntegerType) part(first, "confidence").getValue()).getValue()).isBetween(0, 100);
		assertThat(part(first, "explanation").getValue().primitiveValue()).contains("HMFC004").contains("confiance");
		assertThat(((IntegerType) part(first, "activity").getValue()).getValue()).isEqualTo(1);
		assertThat(out.getParameter().stream().filter(p -> p.getName().equals("suggestion"))).hasSizeBetween(1, 3);
		assertThat(out.getParameter("engine").getValue().primitiveValue()).startsWith("ccamhub-copilot/");
	}

	@Test
	void ambiguousNoteComesWithOneClarificationQuestion() {
		Parameters out = suggest(client(coderToken()), "appendicectomie");
		assertThat(out.getParameter("question")).isNotNull();
		assertThat(out.getParameter("question").getValue().primitiveValue()).containsIgnoringCase("cœlioscopie").endsWith("?");
	}

	@Test
	void nightEmergencyOfAChildBringsModifiersAllowedByTheAct() {
		Parameters out = suggest(client(coderToken()), "appendicectomie sous coelio en urgence à 23h30");
		Parameters.ParametersParameterComponent first = out.getParameter().stream()
				.filter(p -> p.getName().equals("suggestion")).findFirst().orElseThrow();
		assertThat(((Coding) part(first, "code").getValue()).getCode()).isEqualTo("HHFA016");
		assertThat(first.getPart().stream().filter(p -> p.getName().equals("modifier"))
				.map(p -> ((Coding) p.getValue()).getCode())).contains("U");
	}

	@Test
	void suggestWithoutTextIsABadRequest() {
		Parameters in = new Parameters();
		in.addParameter().setName("text").setValue(new StringType("   "));
		assertThatThrownBy(() -> client(coderToken()).operation().onServer().named("$suggest-ccam").withParameters(in).execute())
				.isInstanceOf(InvalidRequestException.class)
				.hasMessageContaining("text");
	}

	@Test
	void procedureStoredInWordsIsCodedByTheCopilotWithItsProvenance() {
		IGenericClient client = client();
		String id = storeInWords(client, createPatient(client, "AUTO"), "ECG 12 dérivations");

		Procedure coded = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
				.until(() -> client.read().resource(Procedure.class).withId(id).execute(), p -> hasCcam(p));
		assertThat(coded.getCode().getCoding()).anyMatch(c -> CCAM.equals(c.getSystem()) && "DEQP003".equals(c.getCode()));
		assertThat(coded.getCode().getText()).isEqualTo("ECG 12 dérivations");
		await().atMost(Duration.ofSeconds(10)).until(() -> tags(client, id).contains("code-automatiquement"));
		assertThat(tags(client, id)).doesNotContain("a-coder");

		Provenance provenance = provenances(client, id).get(0);
		assertThat(provenance.getActivity().getCodingFirstRep().getSystem()).isEqualTo(ACTIVITIES);
		assertThat(provenance.getActivity().getCodingFirstRep().getCode()).isEqualTo("code-automatiquement");
		assertThat(provenance.getTargetFirstRep().getReference()).startsWith("Procedure/" + id);
		assertThat(provenance.getAgentFirstRep().getWho().getIdentifier().getValue()).startsWith("ccamhub-copilot/");
	}

	@Test
	void uncertainActGoesToReviewAndTheCoderMustJustifyAnOverride() {
		IGenericClient client = client();
		String patient = createPatient(client, "REVUE");
		String id = storeInWords(client, patient, "appendicectomie");

		Task task = awaitReviewTask(client, id);
		assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
		assertThat(task.getOwner().getDisplay()).isNotBlank();
		assertThat(task.getFor().getReference()).isEqualTo(patient);
		List<String> suggested = task.getInput().stream()
				.filter(i -> i.getType().getCodingFirstRep().getCode().equals("suggestion"))
				.map(i -> ((CodeableConcept) i.getValue()).getCodingFirstRep().getCode()).toList();
		assertThat(suggested).isNotEmpty().hasSizeLessThanOrEqualTo(3);
		assertThat(tags(client, id)).contains("en-revue");
		Procedure untouched = client.read().resource(Procedure.class).withId(id).execute();
		assertThat(hasCcam(untouched)).isFalse();

		IGenericClient coder = client(coderToken());
		String other = "HHFA025";
		assertThat(suggested).doesNotContain(other);
		assertThatThrownBy(() -> completeReview(coder, task.getIdElement().getIdPart(), other, null))
				.isInstanceOf(UnprocessableEntityException.class)
				.hasMessageContaining("justification");
		assertThatThrownBy(() -> completeReview(coder, task.getIdElement().getIdPart(), "ZZZZ999", "typo"))
				.isInstanceOf(UnprocessableEntityException.class)
				.hasMessageContaining("ZZZZ999");

		Task done = completeReview(coder, task.getIdElement().getIdPart(), other, "Péritonite généralisée avec toilette selon le CRO");
		assertThat(done.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
		Procedure coded = client.read().resource(Procedure.class).withId(id).execute();
		assertThat(coded.getCode().getCoding()).anyMatch(c -> CCAM.equals(c.getSystem()) && other.equals(c.getCode()));
		Provenance decision = provenances(client, id).stream()
				.filter(p -> p.getActivity().getCodingFirstRep().getCode().equals("code-corrige")).findFirst().orElseThrow();
		assertThat(decision.getReasonFirstRep().getText()).isEqualTo("Péritonite généralisée avec toilette selon le CRO");
		assertThat(decision.getAgentFirstRep().getWho().getIdentifier().getValue()).isEqualTo("coder-1");
		assertThat(tags(client, id)).contains("code-valide").doesNotContain("en-revue");

		assertThatThrownBy(() -> completeReview(coder, task.getIdElement().getIdPart(), other, "again"))
				.hasMessageContaining("already completed");
	}

	@Test
	void aCoderCorrectionIsSuggestedNextTimeForTheSameKindOfNote() {
		IGenericClient coder = client(coderToken());
		String before = firstCode(suggest(coder, "intervention de Shouldice à droite"));
		String right = "LMMA017";
		assertThat(before).isNotEqualTo(right);

		IGenericClient client = client();
		String id = storeInWords(client, createPatient(client, "APPREND"), "intervention de Shouldice à droite");
		Task task = awaitReviewTask(client, id);
		completeReview(coder, task.getIdElement().getIdPart(), right, "Cure de hernie inguinale sans prothèse sous AG, abord inguinal");

		assertThat(firstCode(suggest(coder, "Shouldice gauche"))).isEqualTo(right);
	}

	@Test
	void actSentInWordsOverMllpIsStoredAndCoded() throws Exception {
		byte[] message;
		try (InputStream in = getClass().getResourceAsStream("/hl7v2-ccam/bar_p12_acte_en_texte.hl7")) {
			message = in.readAllBytes();
		}
		String ack;
		try (MllpClient mllp = new MllpClient(MLLP_PORT)) {
			ack = mllp.send(message, StandardCharsets.UTF_8);
		}
		assertThat(ack).contains("MSA|AA|BAR-TEXTE-0001");
		IGenericClient client = client();
		Procedure coded = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
			Bundle found = client.search().forResource(Procedure.class)
					.where(Procedure.IDENTIFIER.exactly().systemAndCode(ACT_SYSTEM, "BAR-TEXTE-0001/PR1/1"))
					.returnBundle(Bundle.class).execute();
			return found.getEntry().stream().map(e -> (Procedure) e.getResource()).filter(CopilotIT::hasCcam).findFirst();
		}, Optional::isPresent).orElseThrow();
		assertThat(coded.getCode().getText()).isEqualTo("ECG 12 dérivations de repos avant chirurgie");
		assertThat(coded.getCode().getCoding()).anyMatch(c -> "DEQP003".equals(c.getCode()));
	}

	/** A completed Procedure described in words only, as an EHR sends an act it has not coded. */
	private static String storeInWords(IGenericClient client, String patient, String text) {
		Procedure procedure = new Procedure();
		procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
		procedure.setSubject(new Reference(patient));
		procedure.setCode(new CodeableConcept().setText(text));
		return client.create().resource(procedure).execute().getId().getIdPart();
	}

	private Parameters suggest(IGenericClient client, String text) {
		Parameters in = new Parameters();
		in.addParameter().setName("text").setValue(new StringType(text));
		return client.operation().onServer().named("$suggest-ccam").withParameters(in).execute();
	}

	private static String firstCode(Parameters out) {
		return out.getParameter().stream().filter(p -> p.getName().equals("suggestion")).findFirst()
				.map(p -> ((Coding) part(p, "code").getValue()).getCode()).orElse("");
	}

	private static Parameters.ParametersParameterComponent part(Parameters.ParametersParameterComponent parameter, String name) {
		return parameter.getPart().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
	}

	private Task completeReview(IGenericClient coder, String taskId, String code, String justification) {
		Parameters in = new Parameters();
		in.addParameter().setName("code").setValue(new CodeType(code));
		if (justification != null) {
			in.addParameter().setName("justification").setValue(new StringType(justification));
		}
		return coder.operation().onInstance(new IdType("Task", taskId)).named("$complete-review").withParameters(in)
				.returnResourceType(Task.class).execute();
	}

	private Task awaitReviewTask(IGenericClient client, String procedureId) {
		IGenericClient coder = client(coderToken());
		return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
			Bundle found = coder.search().forResource(Task.class)
					.where(Task.FOCUS.hasId("Procedure/" + procedureId))
					.and(Task.CODE.exactly().systemAndCode(TASKS, "revue-codage"))
					.returnBundle(Bundle.class).execute();
			return found.getEntry().stream().map(e -> (Task) e.getResource()).findFirst();
		}, Optional::isPresent).orElseThrow();
	}

	private List<Provenance> provenances(IGenericClient client, String procedureId) {
		Bundle found = client.search().forResource(Provenance.class)
				.where(Provenance.TARGET.hasId("Procedure/" + procedureId)).returnBundle(Bundle.class).execute();
		return found.getEntry().stream().map(e -> (Provenance) e.getResource()).toList();
	}

	private List<String> tags(IGenericClient client, String procedureId) {
		return client.read().resource(Procedure.class).withId(procedureId).execute().getMeta().getTag().stream()
				.filter(t -> STATUS.equals(t.getSystem())).map(Coding::getCode).toList();
	}

	private static boolean hasCcam(Procedure procedure) {
		return procedure.getCode().getCoding().stream().anyMatch(c -> CCAM.equals(c.getSystem()));
	}

	private String createPatient(IGenericClient client, String family) {
		Patient patient = new Patient();
		patient.addIdentifier(new Identifier().setSystem("urn:oid:1.2.250.1.999.2").setValue("COPILOT-" + family + System.nanoTime()));
		patient.addName().setFamily(family).addGiven("Test");
		patient.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.MALE);
		return "Patient/" + client.create().resource(patient).execute().getId().getIdPart();
	}
}
