package fr.ccamhub.terminology.suggest;

import fr.ccamhub.terminology.rules.BilledAct;
import fr.ccamhub.terminology.rules.PatientFacts;
import java.time.LocalDate;
import java.util.List;

/**
 * A note to code: its text, the patient when known (sex and age drive checks and modifiers), the
 * date of the act, and the acts already coded for the same encounter (to warn of incompatibilities).
 */
public record SuggestionRequest(String text, PatientFacts patient, LocalDate date, List<BilledAct> encounterActs) {

	public SuggestionRequest {
		text = text == null ? "" : text.strip();
		patient = patient == null ? PatientFacts.UNKNOWN : patient;
		encounterActs = encounterActs == null ? List.of() : List.copyOf(encounterActs);
	}

	public static SuggestionRequest of(String text) {
		return new SuggestionRequest(text, PatientFacts.UNKNOWN, null, List.of());
	}
}
