package fr.ccamhub.terminology.suggest;

import java.util.List;

/**
 * An act the ranker kept, with its score and why: how much of its label the note covers, the note
 * words it matched, whether the approach and side agree, and the coding memory's similarity.
 */
record RankedCandidate(
		ActProfile profile,
		double score,
		double labelCoverage,
		List<String> matchedStems,
		boolean approachMatched,
		boolean approachConflict,
		double memorySimilarity) {
}
