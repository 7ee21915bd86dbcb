package fr.ccamhub.terminology.rules;

/** The code must exist in the CCAM: in the current release or, for older dates, in its history. */
public final class UnknownCodeRule implements CcamRule {

	public static final String ID = "CCAM-CODE-UNKNOWN";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void check(RuleInput input, Findings findings) {
		for (int i = 0; i < input.size(); i++) {
			String code = input.act(i).code();
			if (input.ccam(i).isEmpty() && input.book().history().validity(code).isEmpty()) {
				findings.add(ID, Severity.ERROR, i,
						"Code « " + code + " » inconnu de la CCAM " + input.book().release().version() + ".",
						"Code '" + code + "' does not exist in CCAM " + input.book().release().version() + ".");
			}
		}
	}
}
