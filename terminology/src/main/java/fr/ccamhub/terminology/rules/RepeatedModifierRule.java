package fr.ccamhub.terminology.rules;

import java.util.HashSet;
import java.util.Set;

/** A modifier counts once per act: repeating it is a coding error. */
public final class RepeatedModifierRule implements CcamRule {

	public static final String ID = "CCAM-MODIFIER-REPEATED";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void check(RuleInput input, Findings findings) {
		for (int i = 0; i < input.size(); i++) {
			Set<String> seen = new HashSet<>();
			for (String modifier : input.act(i).modifiers()) {
				if (!seen.add(modifier)) {
					findings.addForModifier(ID, Severity.ERROR, i, modifier,
							"Le modificateur " + modifier + " est répété sur " + input.act(i).code() + ".",
							"Modifier " + modifier + " is repeated on " + input.act(i).code() + ".");
				}
			}
		}
	}
}
