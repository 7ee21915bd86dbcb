package fr.ccamhub.terminology.rules;

import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/** Age modifiers (A, E, G, N, 9) only for patients of the ages their label states. */
public final class ModifierAgeRule implements CcamRule {

	public static final String ID = "CCAM-MODIFIER-AGE";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void check(RuleInput input, Findings findings) {
		for (int i = 0; i < input.size(); i++) {
			BilledAct act = input.act(i);
			OptionalInt age = input.patient().ageOn(act.serviceDate());
			for (String modifier : act.modifiers()) {
				List<AgeRange> ranges = input.book().modifierAges().get(modifier);
				if (ranges == null) {
					continue;
				}
				if (age.isEmpty()) {
					findings.addForModifier(ID, Severity.WARNING, i, modifier,
							"Le modificateur " + modifier + " dépend de l'âge du patient, dont la date de naissance est inconnue.",
							"Modifier " + modifier + " depends on the patient's age, and the birth date is unknown.");
				} else if (ranges.stream().noneMatch(range -> range.contains(age.getAsInt()))) {
					String allowed = ranges.stream().map(AgeRange::toString).collect(Collectors.joining(" ou "));
					findings.addForModifier(ID, Severity.ERROR, i, modifier,
							"Le modificateur " + modifier + " ne s'applique pas à un patient de " + age.getAsInt() + " ans (âges : " + allowed + ").",
							"Modifier " + modifier + " does not apply to a patient aged " + age.getAsInt() + " (ages: "
									+ allowed.replace(" ou ", " or ") + ").");
				}
			}
		}
	}
}
