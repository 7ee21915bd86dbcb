package fr.ccamhub.terminology.rules;

import java.util.List;

/**
 * Acts that may not be billed together on the same day: "Facturation : ne peut pas être facturé
 * avec ... (CODES)" notes of acts and chapters, and the curated table for notes without codes.
 * Rules that depend on where the acts were done (same limb, same dental arch) are warnings.
 */
public final class BillingIncompatibilityRule implements CcamRule {

	public static final String ID = "CCAM-INCOMPATIBLE";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void check(RuleInput input, Findings findings) {
		PairRuleCheck.forEachMatch(input, input.book().incompatibilities(), (first, second, subject, other, rule) -> {
			String condition = rule.conditional() ? " (si la condition de la note s'applique)" : "";
			findings.addForActs(ID, rule.conditional() ? Severity.WARNING : Severity.ERROR, List.of(first, second),
					subject.code() + " et " + other.code() + " ne peuvent pas être facturés ensemble" + condition + " — " + rule.source(),
					subject.code() + " and " + other.code() + " cannot be billed together"
							+ (rule.conditional() ? " (when the note's condition applies)" : "") + " — " + rule.source());
		});
	}
}
