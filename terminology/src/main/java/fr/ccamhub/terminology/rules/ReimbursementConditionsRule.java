package fr.ccamhub.terminology.rules;

/** Acts flagged RC are reimbursed only under conditions (indications, settings) the coder must check. */
public final class ReimbursementConditionsRule implements CcamRule {

	public static final String ID = "CCAM-REIMBURSEMENT-CONDITIONS";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void check(RuleInput input, Findings findings) {
		for (int i = 0; i < input.size(); i++) {
			boolean rc = input.line(i).map(line -> line.reimbursedUnderConditions())
					.orElse(input.ccam(i).map(act -> act.reimbursedUnderConditions()).orElse(false));
			if (rc) {
				findings.add(ID, Severity.WARNING, i,
						input.act(i).code() + " n'est remboursé que sous conditions (RC) : vérifier l'indication.",
						input.act(i).code() + " is reimbursed only under conditions (RC): check the indication.");
			}
		}
	}
}
