package fr.ccamhub.terminology.rules;

import java.util.List;

/**
 * "À l'exclusion de : ... (CODE)": the act does not cover the situation CODE codes. Finding both on
 * the same day usually means the same gesture was coded twice; it may also be two real acts, so
 * this is a warning for the coder to confirm.
 */
public final class NoteExclusionRule implements CcamRule {

	public static final String ID = "CCAM-EXCLUSION";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void check(RuleInput input, Findings findings) {
		PairRuleCheck.forEachMatch(input, input.book().exclusions(), (first, second, subject, other, rule) ->
				findings.addForActs(ID, Severity.WARNING, List.of(first, second),
						subject.code() + " exclut la situation codée par " + other.code()
								+ " : vérifier qu'il s'agit de deux actes distincts — " + rule.source(),
						subject.code() + " excludes the situation coded by " + other.code()
								+ ": check these are two distinct acts — " + rule.source()));
	}
}
