package fr.ccamhub.interceptors.ccam;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import fr.ccamhub.terminology.rules.CcamRuleEngine;
import fr.ccamhub.terminology.rules.EncounterActs;
import fr.ccamhub.terminology.rules.Finding;
import fr.ccamhub.terminology.rules.PatientFacts;
import fr.ccamhub.terminology.rules.Severity;
import fr.ccamhub.terminology.rules.UnknownCodeRule;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Procedure;

/**
 * Checks the CCAM acts of every Procedure and Claim written, on every path (REST, transactions,
 * HL7 ingestion). An unknown CCAM code is always refused (422). Other rule errors are refused or
 * flagged depending on the mode; flagged resources carry the tag {@code ccam-controle#erreurs} and
 * the findings go back to the client (see {@link CcamCheckResponseInterceptor}). Patient facts
 * (sex, age) are not read here: the write may create the patient in the same transaction. Those
 * rules run in {@code $ccam-check}.
 */
@Interceptor
public final class CcamStoreValidationInterceptor {

	/** Key of the findings left in the request for the response interceptor. */
	public static final String FINDINGS_KEY = CcamStoreValidationInterceptor.class.getName() + ".findings";

	private final FhirContext fhirContext;
	private final CcamRuleEngine engine;
	private final ClaimActsReader claimReader;
	private final StoreValidationMode mode;

	public CcamStoreValidationInterceptor(FhirContext fhirContext, CcamRuleEngine engine, ClaimActsReader claimReader,
			StoreValidationMode mode) {
		this.fhirContext = fhirContext;
		this.engine = engine;
		this.claimReader = claimReader;
		this.mode = mode;
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void created(IBaseResource resource, RequestDetails request) {
		validate(resource, request);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
		validate(resource, request);
	}

	private void validate(IBaseResource resource, RequestDetails request) {
		OperationOutcome outcome;
		List<Finding> findings;
		if (resource instanceof Procedure procedure) {
			var act = ProcedureActReader.read(procedure);
			if (act.isEmpty()) {
				return;
			}
			findings = engine.check(new EncounterActs(List.of(act.get()), PatientFacts.UNKNOWN));
			outcome = new OperationOutcome();
			FindingsOutcome.addIssues(outcome, findings, i -> "Procedure.code",
					(i, modifier) -> "Procedure.extension('" + CcamFhir.MODIFIER + "')");
		} else if (resource instanceof Claim claim) {
			ClaimActs acts = claimReader.read(claim);
			if (acts.acts().isEmpty()) {
				return;
			}
			findings = engine.check(acts.encounter(PatientFacts.UNKNOWN));
			outcome = CcamClaimOperations.outcome(claim, acts, findings);
		} else {
			return;
		}
		boolean unknownCode = findings.stream().anyMatch(f -> f.ruleId().equals(UnknownCodeRule.ID));
		boolean errors = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
		if (unknownCode || (errors && mode == StoreValidationMode.REJECT)) {
			OperationOutcome refused = new OperationOutcome();
			outcome.getIssue().stream().filter(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR).forEach(refused::addIssue);
			throw new UnprocessableEntityException(fhirContext, refused);
		}
		var meta = ((org.hl7.fhir.r4.model.Resource) resource).getMeta();
		meta.getTag().removeIf(tag -> CcamFhir.CHECK_TAG_SYSTEM.equals(tag.getSystem()));
		if (errors) {
			meta.addTag(CcamFhir.CHECK_TAG_SYSTEM, "erreurs", "Anomalies CCAM bloquantes à corriger avant facturation");
		}
		if (request != null && !findings.isEmpty()) {
			@SuppressWarnings("unchecked")
			List<OperationOutcome.OperationOutcomeIssueComponent> pending = (List<OperationOutcome.OperationOutcomeIssueComponent>) request
					.getUserData().computeIfAbsent(FINDINGS_KEY, key -> new ArrayList<OperationOutcome.OperationOutcomeIssueComponent>());
			for (OperationOutcome.OperationOutcomeIssueComponent issue : outcome.getIssue()) {
				if (issue.getSeverity() == OperationOutcome.IssueSeverity.ERROR) {
					issue.setSeverity(OperationOutcome.IssueSeverity.WARNING);
				}
				pending.add(issue);
			}
		}
	}
}
