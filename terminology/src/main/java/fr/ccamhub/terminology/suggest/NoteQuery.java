package fr.ccamhub.terminology.suggest;

import java.util.Map;
import java.util.Set;

/**
 * A clinical note as the ranker sees it: the stems of the note with its abbreviations expanded,
 * the stems of broader terms (genou → membre inférieur), the stems it negates, how many things it names, its clinical context, and what the coding memory recalls for it.
 */
record NoteQuery(
		String text,
		Set<String> stems,
		Set<String> broader,
		Set<String> negated,
		ClinicalContext context,
		int count,
		Map<String, Double> memory) {
}
