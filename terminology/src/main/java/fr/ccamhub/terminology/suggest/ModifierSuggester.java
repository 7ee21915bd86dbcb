package fr.ccamhub.terminology.suggest;

import fr.ccamhub.terminology.ccam.CcamAct;
import java.util.ArrayList;
import java.util.List;

/**
 * The modifiers a note's context implies for an act, among those the act allows: urgency at night
 * (U, P, S), on Sunday or a public holiday (F), vital emergency by day (O), the age of the patient
 * (E, G, N, 9), an open fracture (L) and imaging at the bedside or in theatre (B). The rule engine
 * has the last word: a modifier it rejects for the act is dropped by the caller.
 */
public final class ModifierSuggester {

	public List<SuggestedModifier> suggest(CcamAct act, ClinicalContext context) {
		List<String> allowed = act.allowedModifiers();
		List<SuggestedModifier> modifiers = new ArrayList<>();
		timing(allowed, context, modifiers);
		age(allowed, context, modifiers);
		if (context.openFracture() && allowed.contains("L")) {
			modifiers.add(new SuggestedModifier("L", "fracture ouverte"));
		}
		if (context.bedsideOrTheatreImaging() && allowed.contains("B")) {
			modifiers.add(new SuggestedModifier("B", "radiographie au lit, en réanimation ou au bloc"));
		}
		return modifiers;
	}

	private static void timing(List<String> allowed, ClinicalContext context, List<SuggestedModifier> modifiers) {
		if (context.night()) {
			if (context.afterMidnight() && allowed.contains("S")) {
				modifiers.add(new SuggestedModifier("S", "acte réalisé en urgence entre 0 h et 8 h"));
			} else if (allowed.contains("U")) {
				modifiers.add(new SuggestedModifier("U", "acte réalisé en urgence la nuit"));
			} else if (context.evening() && allowed.contains("P")) {
				modifiers.add(new SuggestedModifier("P", "acte réalisé en urgence entre 20 h et minuit"));
			}
			return;
		}
		if (context.sundayOrHoliday() && allowed.contains("F")) {
			modifiers.add(new SuggestedModifier("F", "acte réalisé en urgence un dimanche ou un jour férié"));
			return;
		}
		if (context.vitalEmergency() && allowed.contains("O")) {
			modifiers.add(new SuggestedModifier("O", "urgence vitale de jour"));
		}
	}

	private static void age(List<String> allowed, ClinicalContext context, List<SuggestedModifier> modifiers) {
		if (context.ageInMonths() == null) {
			return;
		}
		if (context.ageBelowYears(5) && allowed.contains("E")) {
			modifiers.add(new SuggestedModifier("E", "patient de moins de 5 ans"));
		}
		if (context.ageBelowYears(1) && allowed.contains("G")) {
			modifiers.add(new SuggestedModifier("G", "patient de moins de 1 an"));
		}
		if (context.ageBelowYears(13) && allowed.contains("N")) {
			modifiers.add(new SuggestedModifier("N", "dent permanente chez un enfant de moins de 13 ans"));
		} else if (context.ageAtLeastYears(1) && context.ageBelowYears(27) && allowed.contains("9")) {
			modifiers.add(new SuggestedModifier("9", "soins conservateurs chez un patient de 1 à 26 ans"));
		}
	}

	/** A modifier and the reason, in French, that the note gave for it. */
	public record SuggestedModifier(String code, String reasonFr) {
	}
}
