package fr.ccamhub.terminology.suggest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-ranks the acts retrieved for a note. The lexical score is corrected by what the note says
 * and the label requires: the share of the label's words the note covers, agreement on the
 * approach and on the side, "avec"/"sans" qualifiers, and phrases a coder validated before.
 */
final class CandidateRanker {

	static final double LABEL_COVERAGE_WEIGHT = 0.6;
	static final double APPROACH_MATCH = 0.35;
	static final double APPROACH_CONFLICT = -0.5;
	static final double SIDE_MATCH = 0.1;
	static final double SIDE_CONFLICT = -0.3;
	static final double QUALIFIER_MATCH = 0.15;
	static final double QUALIFIER_CONFLICT = -0.4;
	static final double MEMORY_WEIGHT = 1.5;

	private final CcamActIndex index;

	CandidateRanker(CcamActIndex index) {
		this.index = index;
	}

	List<RankedCandidate> rank(NoteQuery query, List<CcamActIndex.Hit> hits) {
		Map<String, Float> lexical = new HashMap<>();
		float best = 0;
		for (CcamActIndex.Hit hit : hits) {
			lexical.put(hit.profile().code(), hit.score());
			best = Math.max(best, hit.score());
		}
		for (String code : query.memory().keySet()) {
			lexical.putIfAbsent(code, 0f);
		}
		List<RankedCandidate> ranked = new ArrayList<>();
		for (Map.Entry<String, Float> entry : lexical.entrySet()) {
			ActProfile profile = index.profile(entry.getKey());
			if (profile != null) {
				ranked.add(score(query, profile, best == 0 ? 0 : entry.getValue() / best));
			}
		}
		ranked.sort(Comparator.comparingDouble(RankedCandidate::score).reversed()
				.thenComparing(candidate -> candidate.profile().code()));
		return Collections.unmodifiableList(ranked);
	}

	private static RankedCandidate score(NoteQuery query, ActProfile profile, double lexical) {
		List<String> matched = new ArrayList<>();
		for (String stem : profile.labelStems()) {
			if (query.stems().contains(stem)) {
				matched.add(stem);
			}
		}
		double coverage = profile.labelStems().isEmpty() ? 0 : (double) matched.size() / profile.labelStems().size();
		double score = lexical + LABEL_COVERAGE_WEIGHT * coverage;

		ClinicalContext context = query.context();
		boolean approachMatched = false;
		boolean approachConflict = false;
		if (!context.approaches().isEmpty() && !profile.approaches().isEmpty()) {
			approachMatched = profile.approaches().stream().anyMatch(context.approaches()::contains);
			approachConflict = !approachMatched;
			score += approachMatched ? APPROACH_MATCH : APPROACH_CONFLICT;
		}
		score += side(context.laterality(), profile.laterality());
		for (Map.Entry<String, Boolean> qualifier : profile.qualifiers().entrySet()) {
			boolean with = qualifier.getValue();
			if (query.negated().contains(qualifier.getKey())) {
				score += with ? QUALIFIER_CONFLICT : QUALIFIER_MATCH;
			} else if (query.stems().contains(qualifier.getKey())) {
				score += with ? QUALIFIER_MATCH : QUALIFIER_CONFLICT;
			}
		}
		double memory = query.memory().getOrDefault(profile.code(), 0.0);
		score += MEMORY_WEIGHT * memory;
		return new RankedCandidate(profile, score, coverage, List.copyOf(matched), approachMatched, approachConflict, memory);
	}

	private static double side(Laterality note, Laterality label) {
		if (note == Laterality.UNSTATED || label == Laterality.UNSTATED) {
			return 0;
		}
		return note == label ? SIDE_MATCH : SIDE_CONFLICT;
	}
}
