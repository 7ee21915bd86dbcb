package fr.ccamhub.terminology.rules;

/** Every modifier must be one of section 19.03. */
public final class UnknownModifierRule implements CcamRule {

	public static final String ID = "CCAM-MODIFIER-UNKNOWN";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void check(RuleInput input, Findings findings) {
		for (int i = 0; i < input.size(); i++) {
			for (String modifier : input.act(i).modifiers()) {
				if (input.book().release().modifier(modifier).isEmpty()) {
					findings.addForModifier(ID, Severity.ERROR, i, modifier,
							"Modificateur « " + modifier + " » inconnu de la CCAM.",
							"Modifier '" + modifier + "' is not a CCAM modifier.");
				}
			}
		}
	}
}
