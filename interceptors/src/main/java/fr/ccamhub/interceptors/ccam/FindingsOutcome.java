package fr.ccamhub.interceptors.ccam;

import fr.ccamhub.terminology.rules.Finding;
import java.util.List;
import java.util.function.IntFunction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Turns rule findings into OperationOutcome issues: one issue per finding, the rule id in
 * {@code details.coding}, the French message in {@code details.text}, the English one in
 * {@code diagnostics}, and {@code expression} pointing at each item (and modifier) concerned.
 */
public final class FindingsOutcome {

	private FindingsOutcome() {
	}

	/**
	 * @param elementPath path of the element an act came from, by act index (e.g. {@code Claim.item[2]})
	 * @param modifierPaths where the modifiers of an element are, relative to it (e.g. {@code modifier})
	 */
	public static void addIssues(OperationOutcome outcome, List<Finding> findings, IntFunction<String> elementPath,
			java.util.function.BiFunction<Integer, String, String> modifierPath) {
		for (Finding finding : findings) {
			OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
					.setSeverity(severity(finding))
					.setCode(finding.severity() == fr.ccamhub.terminology.rules.Severity.INFORMATION
							? OperationOutcome.IssueType.INFORMATIONAL
							: OperationOutcome.IssueType.BUSINESSRULE)
					.setDiagnostics(finding.messageEn())
					.setDetails(new CodeableConcept(new Coding(CcamFhir.RULE_SYSTEM, finding.ruleId(), null)).setText(finding.messageFr()));
			for (int act : finding.acts()) {
				issue.addExpression(finding.modifier() == null ? elementPath.apply(act) : modifierPath.apply(act, finding.modifier()));
			}
		}
	}

	public static OperationOutcome.IssueSeverity severity(Finding finding) {
		return switch (finding.severity()) {
			case ERROR -> OperationOutcome.IssueSeverity.ERROR;
			case WARNING -> OperationOutcome.IssueSeverity.WARNING;
			case INFORMATION -> OperationOutcome.IssueSeverity.INFORMATION;
		};
	}

	/** An outcome for a check that found nothing, so a client always gets at least one issue. */
	public static void addAllClear(OperationOutcome outcome) {
		outcome.addIssue()
				.setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
				.setCode(OperationOutcome.IssueType.INFORMATIONAL)
				.setDiagnostics("No CCAM rule finding: the acts are billable as coded.")
				.setDetails(new CodeableConcept().setText("Aucune anomalie CCAM : les actes sont facturables tels que codés."));
	}
}
