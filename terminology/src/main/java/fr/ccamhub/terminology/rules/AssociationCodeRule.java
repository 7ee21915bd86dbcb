package fr.ccamhub.terminology.rules;

import java.util.List;

/**
 * The association code of each act must be the one art. III-3 B gives it (see
 * {@link AssociationPlanner}): missing or different codes are warnings (the claim is priced with
 * the right code), codes outside 1-5 are errors, and code 4 must be on every line or none.
 */
public final class AssociationCodeRule implements CcamRule {

	public static final String ID = "CCAM-ASSOCIATION-CODE";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void check(RuleInput input, Findings findings) {
		List<AssociationPlanner.Decision> plan = input.associations();
		for (int i = 0; i < input.size(); i++) {
			Integer declared = input.act(i).associationCode();
			AssociationPlanner.Decision expected = plan.get(i);
			if (declared != null && (declared < 1 || declared > 5)) {
				findings.add(ID, Severity.ERROR, i,
						"Code association « " + declared + " » invalide : les codes vont de 1 à 5.",
						"Association code '" + declared + "' is not valid: codes are 1 to 5.");
				continue;
			}
			if (!expected.billable() || java.util.Objects.equals(declared, expected.code())) {
				continue;
			}
			String code = input.act(i).code();
			if (declared == null) {
				findings.add(ID, Severity.WARNING, i,
						"Code association manquant pour " + code + " : attendu " + expected.code() + " (" + percent(expected) + ").",
						"Association code missing on " + code + ": expected " + expected.code() + " (" + percent(expected) + ").");
			} else if (expected.code() == null) {
				findings.add(ID, declared == 1 ? Severity.INFORMATION : Severity.WARNING, i,
						code + " n'est associé à aucun autre acte du même praticien ce jour : pas de code association (code " + declared
								+ " ignoré, acte à taux plein).",
						code + " is not associated with another act of the same practitioner that day: no association code (code "
								+ declared + " ignored, billed in full).");
			} else {
				findings.add(ID, Severity.WARNING, i,
						"Code association " + declared + " pour " + code + " : la règle d'association donne " + expected.code() + " ("
								+ percent(expected) + ").",
						"Association code " + declared + " on " + code + ": the association rules give " + expected.code() + " ("
								+ percent(expected) + ").");
			}
		}
	}

	private static String percent(AssociationPlanner.Decision decision) {
		return decision.rate().movePointRight(2).stripTrailingZeros().toPlainString() + " %";
	}
}
