package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.PreferReturnEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import fr.ccamhub.terminology.rules.CcamRule;
import fr.ccamhub.terminology.rules.CcamRuleEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** CCAM checking and pricing through FHIR: $ccam-check, $ccam-price, store-time validation, $build-claim, IG resources. */
class CcamBillingIT extends ServerIT {

	private static final String SD = "https://fhir.ccamhub.fr/StructureDefinition/";
	private static final String RULES = "https://fhir.ccamhub.fr/CodeSystem/ccam-regle";
	private static final String SPECIALTY = "https://fhir.ccamhub.fr/CodeSystem/specialite-cnam";

	@Autowired
	private CcamRuleEngine engine;

	private static Claim claim(Reference patient) {
		Claim claim = new Claim();
		claim.setStatus(Claim.ClaimStatus.DRAFT);
		claim.setUse(Claim.Use.CLAIM);
		claim.setPatient(patient);
		return claim;
	}

	private static Claim.ItemComponent item(Claim claim, String code, int activity, int careTeam, String... modifiers) {
		int sequence = claim.getItem().size() + 1;
		Claim.ItemComponent item = claim.addItem().setSequence(sequence);
		item.setProductOrService(new CodeableConcept(new Coding(CCAM, code, null)));
		item.setServiced(new DateType("2026-03-02"));
		item.addExtension(SD + "ccam-activite", new CodeType(String.valueOf(activity)));
		for (String modifier : modifiers) {
			item.addModifier(new CodeableConcept(new Coding(CCAM_MODIFIERS, modifier, null)));
		}
		if (careTeam > 0) {
			item.addCareTeamSequence(careTeam);
		}
		return item;
	}

	private static void careTeam(Claim claim, String practitioner, String specialty) {
		int sequence = claim.getCareTeam().size() + 1;
		claim.addCareTeam().setSequence(sequence).setProvider(new Reference(practitioner))
				.setQualification(new CodeableConcept(new Coding(SPECIALTY, specialty, null)));
	}

	private OperationOutcome check(Claim claim) {
		return client().operation().onType(Claim.class).named("$ccam-check")
				.withParameter(Parameters.class, "resource", claim).returnResourceType(OperationOutcome.class).execute();
	}

	private static List<OperationOutcome.OperationOutcomeIssueComponent> issues(OperationOutcome outcome, String rule) {
		return outcome.getIssue().stream().filter(i -> rule.equals(i.getDetails().getCodingFirstRep().getCode())).toList();
	}

	@Test
	void checkPointsEachFindingAtTheItemAndModifier() {
		Claim claim = claim(new Reference().setDisplay("anonymous"));
		item(claim, "HHFA016", 1, 0, "Z");
		item(claim, "DEQP003", 1, 0);
		item(claim, "YYYY015", 1, 0);

		OperationOutcome outcome = check(claim);

		var notAllowed = issues(outcome, "CCAM-MODIFIER-NOT-ALLOWED");
		assertThat(notAllowed).hasSize(1);
		assertThat(notAllowed.get(0).getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
		assertThat(notAllowed.get(0).getExpression()).extracting(Object::toString).containsExactly("Claim.item[0].modifier[0]");
		assertThat(notAllowed.get(0).getDetails().getCodingFirstRep().getSystem()).isEqualTo(RULES);
		assertThat(notAllowed.get(0).getDetails().getText()).contains("Z", "HHFA016");
		var incompatible = issues(outcome, "CCAM-INCOMPATIBLE");
		assertThat(incompatible).hasSize(1);
		assertThat(incompatible.get(0).getExpression()).extracting(Object::toString)
				.containsExactlyInAnyOrder("Claim.item[1]", "Claim.item[2]");
		assertThat(incompatible.get(0).getDiagnostics()).contains("YYYY015");
	}

	@Test
	void checkReadsSexAndAgeFromTheReferencedPatient() {
		Patient man = new Patient().setGender(Enumerations.AdministrativeGender.MALE);
		man.setBirthDateElement(new DateType("1980-05-01"));
		IIdType id = client().create().resource(man).execute().getId().toUnqualifiedVersionless();
		Claim claim = claim(new Reference(id.getValue()));
		item(claim, "JQGD010", 1, 0);
		item(claim, "HHFA016", 4, 0, "A");

		OperationOutcome outcome = check(claim);

		assertThat(issues(outcome, "CCAM-SEX")).singleElement()
				.satisfies(issue -> assertThat(issue.getExpression().get(0).getValue()).isEqualTo("Claim.item[0]"));
		assertThat(issues(outcome, "CCAM-MODIFIER-AGE")).singleElement()
				.satisfies(issue -> assertThat(issue.getDetails().getText()).contains("45 ans"));
	}

	@Test
	void cleanClaimGetsAnInformationIssue() {
		Claim claim = claim(new Reference().setDisplay("anonymous"));
		item(claim, "DEQP003", 1, 0);

		OperationOutcome outcome = check(claim);

		assertThat(outcome.getIssue()).singleElement()
				.satisfies(issue -> assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.INFORMATION));
	}

	@Test
	void pricesANightAppendicectomyPerItemWithTotals() {
		Claim claim = claim(new Reference().setDisplay("anonymous"));
		careTeam(claim, "Practitioner/surgeon", "49");
		careTeam(claim, "Practitioner/anaesthetist", "02");
		item(claim, "HHFA016", 1, 1, "U");
		item(claim, "HHFA016", 4, 2, "U");

		ClaimResponse response = client().operation().onType(Claim.class).named("$ccam-price")
				.withParameter(Parameters.class, "resource", claim).returnResourceType(ClaimResponse.class).execute();

		// Same figures as CcamPricerTest: surgeon 195.84 + U 50.00, anaesthetist 103.64 + U 50.00.
		assertThat(amount(response.getItem().get(0), "submitted")).isEqualTo("245.84");
		assertThat(amount(response.getItem().get(0), "benefit")).isEqualTo("221.84");
		assertThat(amount(response.getItem().get(1), "benefit")).isEqualTo("107.55");
		assertThat(amount(response.getItem().get(1), "copay")).isEqualTo("46.09");
		assertThat(total(response, "submitted")).isEqualTo("399.48");
		assertThat(total(response, "benefit")).isEqualTo("329.39");
		assertThat(total(response, "copay")).isEqualTo("70.09");
		assertThat(response.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
	}

	@Test
	void pricingAppliesTheAssociationCodeAndReportsErrors() {
		Claim claim = claim(new Reference().setDisplay("anonymous"));
		careTeam(claim, "Practitioner/surgeon", "49");
		item(claim, "HHFA016", 1, 1);
		item(claim, "QZFA004", 1, 1);
		item(claim, "QEFA006", 1, 1);

		ClaimResponse response = client().operation().onType(Claim.class).named("$ccam-price")
				.withParameter(Parameters.class, "resource", claim).returnResourceType(ClaimResponse.class).execute();

		assertThat(association(response.getItem().get(0))).isEqualTo("1");
		assertThat(association(response.getItem().get(2))).isEqualTo("2");
		assertThat(amount(response.getItem().get(1), "submitted")).isEqualTo("0.00");
		assertThat(response.getError()).anySatisfy(error -> {
			assertThat(error.getItemSequence()).isEqualTo(2);
			assertThat(error.getCode().getCodingFirstRep().getCode()).isEqualTo("CCAM-ASSOCIATION-LIMIT");
		});
		assertThat(response.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.PARTIAL);
	}

	@Test
	void malformedItemsAreRefusedWithTheElementNamed() {
		Claim claim = claim(new Reference().setDisplay("anonymous"));
		Claim.ItemComponent item = item(claim, "HHFA016", 1, 0);
		item.getExtensionByUrl(SD + "ccam-activite").setValue(new CodeType("one"));
		claim.addItem().setSequence(2);

		assertThatThrownBy(() -> check(claim))
				.isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
					OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
					assertThat(outcome.getIssue()).extracting(i -> i.getExpression().get(0).getValue())
							.contains("Claim.item[0].extension('" + SD + "ccam-activite')", "Claim.item[1].productOrService");
				});
	}

	@Test
	void claimWithoutCcamItemIsABadRequest() {
		Claim claim = claim(new Reference().setDisplay("anonymous"));
		claim.addItem().setSequence(1).setProductOrService(new CodeableConcept(new Coding("http://example.org/ngap", "C", null)));

		assertThatThrownBy(() -> check(claim)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("CCAM");
	}

	@Test
	void unknownCcamCodeOnAProcedureIsRefused() {
		Procedure procedure = procedure("HHFA999");

		assertThatThrownBy(() -> client().create().resource(procedure).execute())
				.isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(
						((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getDetails().getCodingFirstRep().getCode())
						.isEqualTo("CCAM-CODE-UNKNOWN"));
	}

	@Test
	void procedureWithRuleErrorsIsStoredFlaggedAndTheFindingsReturned() throws Exception {
		Procedure procedure = procedure("HHFA016");
		procedure.addExtension(SD + "ccam-modificateur", new Coding(CCAM_MODIFIERS, "Z", null));

		MethodOutcome created = client().create().resource(procedure).prefer(PreferReturnEnum.OPERATION_OUTCOME).execute();

		OperationOutcome outcome = (OperationOutcome) created.getOperationOutcome();
		assertThat(outcome.getIssue()).anySatisfy(issue -> {
			assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING);
			assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo("CCAM-MODIFIER-NOT-ALLOWED");
		});
		Procedure stored = client().read().resource(Procedure.class).withId(created.getId().toUnqualifiedVersionless()).execute();
		assertThat(stored.getMeta().getTag()).anySatisfy(tag -> assertThat(tag.getCode()).isEqualTo("erreurs"));

		HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fhirBase() + "/Procedure"))
				.header("Authorization", "Bearer " + staffToken())
				.header("Content-Type", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(procedure))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(raw.statusCode()).isEqualTo(201);
		assertThat(raw.headers().firstValue("X-Ccam-Check")).hasValueSatisfying(v -> assertThat(v).contains("CCAM-MODIFIER-NOT-ALLOWED"));
	}

	@Test
	void buildsAPricedDraftClaimFromTheProceduresOfAnEncounter() {
		IGenericClient client = client();
		IIdType patient = client.create().resource(new Patient().setGender(Enumerations.AdministrativeGender.FEMALE)).execute().getId()
				.toUnqualifiedVersionless();
		Encounter encounter = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
				.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", null));
		encounter.setSubject(new Reference(patient.getValue()));
		IIdType encounterId = client.create().resource(encounter).execute().getId().toUnqualifiedVersionless();
		IIdType surgeon = client.create().resource(new org.hl7.fhir.r4.model.Practitioner()).execute().getId().toUnqualifiedVersionless();
		for (String code : List.of("HHFA016", "QZFA004")) {
			Procedure procedure = procedure(code);
			procedure.setSubject(new Reference(patient.getValue()));
			procedure.setEncounter(new Reference(encounterId.getValue()));
			procedure.addPerformer().setActor(new Reference(surgeon.getValue()));
			client.create().resource(procedure).execute();
		}
		Procedure uncoded = new Procedure().setStatus(Procedure.ProcedureStatus.COMPLETED);
		uncoded.getCode().setText("pansement");
		uncoded.setSubject(new Reference(patient.getValue())).setEncounter(new Reference(encounterId.getValue()));
		client.create().resource(uncoded).execute();

		Claim claim = client.operation().onInstance(encounterId).named("$build-claim").withNoParameters(Parameters.class)
				.returnResourceType(Claim.class).execute();

		assertThat(claim.getStatus()).isEqualTo(Claim.ClaimStatus.DRAFT);
		assertThat(claim.getItem()).hasSize(2);
		assertThat(claim.getItem()).extracting(i -> i.getProductOrService().getCodingFirstRep().getCode())
				.containsExactly("HHFA016", "QZFA004");
		// HHFA016 195.84 at 100 %; QZFA004 55.43 x 50 % = 27.715 -> 27.72.
		assertThat(claim.getItem().get(0).getNet().getValue()).isEqualByComparingTo("195.84");
		assertThat(claim.getItem().get(1).getNet().getValue()).isEqualByComparingTo("27.72");
		assertThat(claim.getTotal().getValue()).isEqualByComparingTo("223.56");
		assertThat(claim.getCareTeam()).hasSize(1);
		assertThat(claim.getProcedure()).hasSize(2);
	}

	@Test
	void buildClaimForAnEncounterWithoutCodedActsIsUnprocessable() {
		IIdType encounterId = client().create().resource(new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
				.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", null))).execute().getId()
				.toUnqualifiedVersionless();

		assertThatThrownBy(() -> client().operation().onInstance(encounterId).named("$build-claim")
				.withNoParameters(Parameters.class).returnResourceType(Claim.class).execute())
				.isInstanceOf(UnprocessableEntityException.class);
	}

	@Test
	void pricingIsForCodersAndBillingNotForClinicians() {
		Claim claim = claim(new Reference().setDisplay("anonymous"));
		item(claim, "DEQP003", 1, 0);
		String coder = TestTokens.token("coder-1", List.of("coder"), null);
		String clinician = TestTokens.token("dr-only", List.of("clinician"), null);

		ClaimResponse response = client(coder).operation().onType(Claim.class).named("$ccam-price")
				.withParameter(Parameters.class, "resource", claim).returnResourceType(ClaimResponse.class).execute();
		assertThat(total(response, "submitted")).isEqualTo("14.77");
		assertThatThrownBy(() -> client(clinician).operation().onType(Claim.class).named("$ccam-price")
				.withParameter(Parameters.class, "resource", claim).returnResourceType(ClaimResponse.class).execute())
				.isInstanceOf(ForbiddenOperationException.class);
	}

	@Test
	void igResourcesAreServedAndTheRuleCodeSystemNamesEveryRule() {
		StructureDefinition activity = client().read().resource(StructureDefinition.class).withId("ccam-activite").execute();
		assertThat(activity.getUrl()).isEqualTo(SD + "ccam-activite");
		CodeSystem rules = client().read().resource(CodeSystem.class).withId("ccam-regle").execute();
		List<String> codes = rules.getConcept().stream().map(CodeSystem.ConceptDefinitionComponent::getCode).toList();
		List<String> ruleIds = engine.rules().stream().map(CcamRule::id).collect(Collectors.toList());
		assertThat(codes).containsExactlyInAnyOrderElementsOf(ruleIds);
	}

	private static Procedure procedure(String code) {
		Procedure procedure = new Procedure().setStatus(Procedure.ProcedureStatus.COMPLETED);
		procedure.setCode(new CodeableConcept(new Coding(CCAM, code, null)));
		procedure.setSubject(new Reference().setDisplay("anonymous"));
		procedure.setPerformed(new DateTimeType("2026-03-02T10:00:00+01:00"));
		return procedure;
	}

	private static String amount(ClaimResponse.ItemComponent item, String category) {
		return item.getAdjudication().stream().filter(a -> category.equals(a.getCategory().getCodingFirstRep().getCode()))
				.findFirst().orElseThrow().getAmount().getValue().toPlainString();
	}

	private static String total(ClaimResponse response, String category) {
		return response.getTotal().stream().filter(t -> category.equals(t.getCategory().getCodingFirstRep().getCode()))
				.findFirst().orElseThrow().getAmount().getValue().toPlainString();
	}

	private static String association(ClaimResponse.ItemComponent item) {
		Extension extension = item.getExtensionByUrl(SD + "ccam-code-association");
		return extension == null ? null : extension.getValue().primitiveValue();
	}
}
