package fr.ccamhub.terminology.rules;

import fr.ccamhub.terminology.ccam.CcamAct;

/** A known modifier must be in the act's list of allowed modifiers. */
public final class ModifierNotAllowedRule implements CcamRule {

	public static final String ID = "CCAM-MODIFIER-NOT-ALLOWED";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void check(RuleInput input, Findings findings) {
		for (int i = 0; i < input.size(); i++) {
			CcamAct act = input.ccam(i).orElse(null);
			if (act == null) {
				continue;
			}
			for (String modifier : input.act(i).modifiers()) {
				if (input.book().release().modifier(modifier).isPresent() && !act.allowedModifiers().contains(modifier)) {
					String allowed = act.allowedModifiers().isEmpty() ? "aucun" : String.join(", ", act.allowedModifiers());
					findings.addForModifier(ID, Severity.ERROR, i, modifier,
							"Le modificateur " + modifier + " n'est pas autorisé pour " + act.code() + " (autorisés : " + allowed + ").",
							"Modifier " + modifier + " is not allowed for " + act.code() + " (allowed: "
									+ (act.allowedModifiers().isEmpty() ? "none" : String.join(", ", act.allowedModifiers())) + ").");
				}
			}
		}
	}
}
