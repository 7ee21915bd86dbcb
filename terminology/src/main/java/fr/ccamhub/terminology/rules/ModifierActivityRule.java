package fr.ccamhub.terminology.rules;

import java.util.Set;

/** Anaesthesia modifiers (A, 3, 4, 5, 7, 8) only on activity 4; surgical ones (J, K, T, R, L, 6) never on it. */
public final class ModifierActivityRule implements CcamRule {

	public static final String ID = "CCAM-MODIFIER-ACTIVITY";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void check(RuleInput input, Findings findings) {
		for (int i = 0; i < input.size(); i++) {
			BilledAct act = input.act(i);
			for (String modifier : act.modifiers()) {
				Set<Integer> activities = input.book().modifierActivities().get(modifier);
				if (activities != null && !activities.contains(act.activity())) {
					findings.addForModifier(ID, Severity.ERROR, i, modifier,
							"Le modificateur " + modifier + " ne s'applique pas à l'activité " + act.activity() + " de " + act.code()
									+ " (activités : " + activities + ").",
							"Modifier " + modifier + " does not apply to activity " + act.activity() + " of " + act.code()
									+ " (activities: " + activities + ").");
				}
			}
		}
	}
}
