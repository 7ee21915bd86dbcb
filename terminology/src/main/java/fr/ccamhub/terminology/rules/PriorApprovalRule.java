package fr.ccamhub.terminology.rules;

/** Acts flagged AP need the insurer's prior agreement (accord préalable) before they are billed. */
public final class PriorApprovalRule implements CcamRule {

	public static final String ID = "CCAM-PRIOR-APPROVAL";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void check(RuleInput input, Findings findings) {
		for (int i = 0; i < input.size(); i++) {
			boolean ap = input.line(i).map(line -> line.priorApproval()).orElse(input.ccam(i).map(act -> act.priorApproval()).orElse(false));
			if (ap) {
				findings.add(ID, Severity.WARNING, i,
						input.act(i).code() + " est soumis à accord préalable (AP) de l'assurance maladie.",
						input.act(i).code() + " requires the insurer's prior approval (AP).");
			}
		}
	}
}
