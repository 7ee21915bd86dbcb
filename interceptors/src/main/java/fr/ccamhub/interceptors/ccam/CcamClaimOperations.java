package fr.ccamhub.interceptors.ccam;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import fr.ccamhub.terminology.pricing.CcamPricer;
import fr.ccamhub.terminology.pricing.EncounterPrice;
import fr.ccamhub.terminology.rules.CcamRuleEngine;
import fr.ccamhub.terminology.rules.Finding;
import fr.ccamhub.terminology.rules.RuleInput;
import java.util.List;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * {@code POST /Claim/$ccam-check} (an OperationOutcome, one issue per CCAM rule finding) and
 * {@code POST /Claim/$ccam-price} (a ClaimResponse priced per item), both taking the Claim as the
 * request body or as a {@code resource} parameter. Nothing is stored.
 */
public final class CcamClaimOperations {

	private final CcamRuleEngine engine;
	private final CcamPricer pricer;
	private final ClaimActsReader reader;
	private final PatientFactsLookup patients;

	public CcamClaimOperations(CcamRuleEngine engine, CcamPricer pricer, ClaimActsReader reader, PatientFactsLookup patients) {
		this.engine = engine;
		this.pricer = pricer;
		this.reader = reader;
		this.patients = patients;
	}

	@Operation(name = "$ccam-check", type = Claim.class, idempotent = false)
	public OperationOutcome check(@OperationParam(name = "resource", min = 1, max = 1) Claim claim) {
		ClaimActs acts = acts(claim);
		List<Finding> findings = engine.check(engine.input(acts.encounter(patients.facts(claim.getPatient()))));
		return outcome(claim, acts, findings);
	}

	@Operation(name = "$ccam-price", type = Claim.class, idempotent = false)
	public ClaimResponse price(@OperationParam(name = "resource", min = 1, max = 1) Claim claim) {
		ClaimActs acts = acts(claim);
		RuleInput input = engine.input(acts.encounter(patients.facts(claim.getPatient())));
		List<Finding> findings = engine.check(input);
		EncounterPrice price = pricer.price(input);
		return ClaimPricingResponse.build(claim, acts, price, findings);
	}

	private ClaimActs acts(Claim claim) {
		if (claim == null) {
			throw new InvalidRequestException("A Claim is required, as the request body or as the 'resource' parameter.");
		}
		ClaimActs acts = reader.read(claim);
		if (acts.acts().isEmpty()) {
			throw new InvalidRequestException("The Claim has no item coded in the CCAM (productOrService with system "
					+ fr.ccamhub.terminology.fhir.CcamSystems.CCAM + ").");
		}
		return acts;
	}

	/** The outcome of a check of the acts of a Claim, issues pointing at {@code Claim.item[n]} and its modifiers. */
	public static OperationOutcome outcome(Claim claim, ClaimActs acts, List<Finding> findings) {
		OperationOutcome outcome = new OperationOutcome();
		FindingsOutcome.addIssues(outcome, findings,
				act -> "Claim.item[" + acts.itemIndex(act) + "]",
				(act, modifier) -> "Claim.item[" + acts.itemIndex(act) + "].modifier[" + modifierIndex(claim.getItem().get(acts.itemIndex(act)), modifier) + "]");
		if (!outcome.hasIssue()) {
			FindingsOutcome.addAllClear(outcome);
		}
		return outcome;
	}

	private static int modifierIndex(Claim.ItemComponent item, String modifier) {
		for (int m = 0; m < item.getModifier().size(); m++) {
			if (item.getModifier().get(m).getCoding().stream().anyMatch(c -> modifier.equalsIgnoreCase(c.getCode()))) {
				return m;
			}
		}
		return 0;
	}
}
