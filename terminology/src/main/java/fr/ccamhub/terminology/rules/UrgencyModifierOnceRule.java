package fr.ccamhub.terminology.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The urgency modifiers F, P, S, U and O are billed once per practitioner per intervention,
 * whatever the number of acts (SESAM-Vitale "présence multiple" control).
 */
public final class UrgencyModifierOnceRule implements CcamRule {

	public static final String ID = "CCAM-MODIFIER-URGENCY-ONCE";
	static final Set<String> URGENCY = Set.of("F", "P", "S", "U", "O");

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void check(RuleInput input, Findings findings) {
		Map<String, Integer> firstByPractitionerDay = new HashMap<>();
		for (int i = 0; i < input.size(); i++) {
			BilledAct act = input.act(i);
			for (String modifier : act.modifiers()) {
				if (!URGENCY.contains(modifier)) {
					continue;
				}
				String key = act.serviceDate() + "|" + act.performer().id() + "|" + act.activity();
				Integer first = firstByPractitionerDay.putIfAbsent(key, i);
				if (first != null && first != i) {
					findings.addForModifier(ID, Severity.ERROR, i, modifier,
							"Le modificateur d'urgence " + modifier + " est déjà facturé sur " + input.act(first).code()
									+ " : une seule majoration d'urgence par praticien et par intervention.",
							"Urgency modifier " + modifier + " is already billed on " + input.act(first).code()
									+ ": one urgency modifier per practitioner and intervention.");
				}
			}
		}
	}
}
