package fr.ccamhub.terminology.rules;

import java.util.List;

/** The acts billed for one encounter or claim, and the patient they were performed on. */
public record EncounterActs(List<BilledAct> acts, PatientFacts patient) {

	public EncounterActs {
		acts = List.copyOf(acts);
		patient = patient == null ? PatientFacts.UNKNOWN : patient;
	}
}
