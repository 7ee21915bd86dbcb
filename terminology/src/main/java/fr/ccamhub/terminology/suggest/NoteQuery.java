package fr.ccamhub.terminology.suggest;

import java.util.Map;
import java.util.Set;

/**
 * A clinical note as the ranker sees it: the stems of the note with its abbreviations expanded,
 * the stems of broader terms (genou → membre inférieur), the stems it negates, how many things it
 * names, the size it gives, the patient's age (known or presumed from "enfant"/"adulte", null when
 * the note says nothing of it), its clinical context, and what the coding memory recalls for it.
 */
record NoteQuery(
		String text,
		Set<String> stems,
		Set<String> broader,
		Set<String> negated,
		ClinicalContext context,
		int count,
		Extents.Size size,
		Integer presumedAgeInMonths,
		Map<String, Double> memory) {
}
