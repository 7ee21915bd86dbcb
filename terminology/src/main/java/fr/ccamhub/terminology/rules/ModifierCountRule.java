package fr.ccamhub.terminology.rules;

/** At most four modifiers per act. */
public final class ModifierCountRule implements CcamRule {

	public static final String ID = "CCAM-MODIFIER-COUNT";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void check(RuleInput input, Findings findings) {
		int max = input.book().maxModifiersPerAct();
		for (int i = 0; i < input.size(); i++) {
			int count = input.act(i).modifiers().size();
			if (count > max) {
				findings.add(ID, Severity.ERROR, i,
						count + " modificateurs pour " + input.act(i).code() + " : " + max + " au plus par acte.",
						count + " modifiers on " + input.act(i).code() + ": at most " + max + " per act.");
			}
		}
	}
}
