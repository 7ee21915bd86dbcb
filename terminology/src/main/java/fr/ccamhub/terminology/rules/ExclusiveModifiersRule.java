package fr.ccamhub.terminology.rules;

import java.util.List;

/** Modifiers that exclude each other (Y/Z by their notes; urgency, surgery and analgesia groups by table). */
public final class ExclusiveModifiersRule implements CcamRule {

	public static final String ID = "CCAM-MODIFIER-EXCLUSIVE";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void check(RuleInput input, Findings findings) {
		for (int i = 0; i < input.size(); i++) {
			List<String> modifiers = input.act(i).modifiers();
			for (int a = 0; a < modifiers.size(); a++) {
				for (int b = a + 1; b < modifiers.size(); b++) {
					if (input.book().exclusiveWith(modifiers.get(a)).contains(modifiers.get(b))) {
						findings.addForModifier(ID, Severity.ERROR, i, modifiers.get(b),
								"Les modificateurs " + modifiers.get(a) + " et " + modifiers.get(b) + " ne sont pas cumulables.",
								"Modifiers " + modifiers.get(a) + " and " + modifiers.get(b) + " cannot be billed together.");
					}
				}
			}
		}
	}
}
