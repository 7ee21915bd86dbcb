package fr.ccamhub.interceptors.ccam;

import fr.ccamhub.terminology.pricing.EncounterPrice;
import fr.ccamhub.terminology.pricing.PricedAct;
import fr.ccamhub.terminology.rules.Finding;
import fr.ccamhub.terminology.rules.Severity;
import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Money;

/**
 * Writes a priced encounter as a ClaimResponse: per item, the adjudications submitted (the amount
 * the act is worth as coded), eligible (the same, the base the insurer pays on), benefit (compulsory
 * insurer) and copay (patient), the insurer rate as {@code eligpercent}, and the association code
 * applied as an extension; totals per category; rule errors as {@code error} entries.
 */
public final class ClaimPricingResponse {

	private static final String EUR = "EUR";

	private ClaimPricingResponse() {
	}

	public static ClaimResponse build(Claim claim, ClaimActs acts, EncounterPrice price, List<Finding> findings) {
		ClaimResponse response = new ClaimResponse();
		response.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE);
		response.setType(claim.getType());
		response.setUse(ClaimResponse.Use.CLAIM);
		response.setPatient(claim.getPatient());
		response.setCreated(new Date());
		response.setInsurer(claim.getInsurer());
		if (claim.hasIdElement() && claim.getIdElement().hasIdPart()) {
			response.getRequest().setReference("Claim/" + claim.getIdElement().getIdPart());
		}
		boolean errors = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
		response.setOutcome(errors ? ClaimResponse.RemittanceOutcome.PARTIAL : ClaimResponse.RemittanceOutcome.COMPLETE);
		response.setDisposition(errors
				? "Actes tarifés avec des anomalies CCAM bloquantes : voir les erreurs."
				: "Actes tarifés selon la CCAM sans anomalie bloquante.");
		for (PricedAct act : price.acts()) {
			Claim.ItemComponent item = claim.getItem().get(acts.itemIndex(act.index()));
			ClaimResponse.ItemComponent priced = response.addItem().setItemSequence(item.getSequence());
			if (act.association().code() != null) {
				priced.addExtension(CcamFhir.ASSOCIATION, new CodeType(String.valueOf(act.association().code())));
			}
			adjudication(priced, "submitted", act.amount());
			adjudication(priced, "eligible", act.amount());
			priced.addAdjudication().setCategory(category("eligpercent")).setValue(act.insurerRate().movePointRight(2));
			adjudication(priced, "benefit", act.insurerAmount());
			adjudication(priced, "copay", act.patientAmount());
			if (!act.priced()) {
				priced.getAdjudicationFirstRep().setReason(new CodeableConcept().setText(act.unitTariff() == null
						? "Acte non pris en charge ou sans tarif pour cette activité"
						: "Acte non facturable en association (art. III-3 B)"));
			}
		}
		total(response, "submitted", price.total());
		total(response, "eligible", price.total());
		total(response, "benefit", price.insurerTotal());
		total(response, "copay", price.patientTotal());
		for (Finding finding : findings) {
			if (finding.severity() != Severity.ERROR) {
				continue;
			}
			for (int act : finding.acts()) {
				response.addError()
						.setItemSequence(claim.getItem().get(acts.itemIndex(act)).getSequence())
						.setCode(new CodeableConcept(new Coding(CcamFhir.RULE_SYSTEM, finding.ruleId(), null)).setText(finding.messageFr()));
			}
		}
		response.addProcessNote().setType(Enumerations.NoteType.DISPLAY)
				.setText("Montants en euros : tarif CCAM x (1 + modificateurs en %) x taux d'association + modificateurs forfaitaires,"
						+ " part obligatoire 70 % (100 % si exonération), règle des 120 EUR avec participation de 24 EUR.");
		return response;
	}

	private static void adjudication(ClaimResponse.ItemComponent item, String category, BigDecimal amount) {
		item.addAdjudication().setCategory(category(category)).setAmount(new Money().setValue(amount).setCurrency(EUR));
	}

	private static void total(ClaimResponse response, String category, BigDecimal amount) {
		response.addTotal().setCategory(category(category)).setAmount(new Money().setValue(amount).setCurrency(EUR));
	}

	private static CodeableConcept category(String code) {
		return new CodeableConcept(new Coding(CcamFhir.ADJUDICATION_SYSTEM, code, null));
	}
}
