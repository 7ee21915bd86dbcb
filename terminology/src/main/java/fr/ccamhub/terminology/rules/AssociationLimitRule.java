package fr.ccamhub.terminology.rules;

import java.util.List;

/** Beyond two associated acts (three with the injury derogation), further acts of the same practitioner that day are not billable. */
public final class AssociationLimitRule implements CcamRule {

	public static final String ID = "CCAM-ASSOCIATION-LIMIT";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void check(RuleInput input, Findings findings) {
		List<AssociationPlanner.Decision> plan = input.associations();
		for (int i = 0; i < input.size(); i++) {
			if (plan.get(i).role() == AssociationPlanner.Role.BEYOND_LIMIT) {
				findings.add(ID, Severity.ERROR, i,
						input.act(i).code() + " n'est pas facturable : deux actes au plus (gestes complémentaires compris) peuvent être associés"
								+ " pour un même praticien le même jour (art. III-3 B), sauf dérogation (code 3, 4 ou 5).",
						input.act(i).code() + " is not billable: at most two acts (complementary gestures included) may be associated for"
								+ " one practitioner on one day (art. III-3 B), unless a derogation applies (code 3, 4 or 5).");
			}
		}
	}
}
