package fr.ccamhub.terminology.suggest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-ranks the acts retrieved for a note. The lexical score is corrected by what the note says
 * and the label requires: the share of the label's words the note covers, the label's action word,
 * agreement on the approach and on the side, "avec"/"sans" qualifiers, and phrases a coder
 * validated before. Supplements and pathology examinations come forward only when the note names them.
 */
final class CandidateRanker {


	private final CcamActIndex index;
	private final RankingWeights weights;

	CandidateRanker(CcamActIndex index, RankingWeights weights) {
		this.index = index;
		this.weights = weights;
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

	private RankedCandidate score(NoteQuery query, ActProfile profile, double lexical) {
		List<String> matched = new ArrayList<>();
		double covered = 0;
		for (String stem : profile.labelStems()) {
			if (query.stems().contains(stem)) {
				matched.add(stem);
				covered += 1;
			} else if (query.broader().contains(stem)) {
				covered += weights.broaderCoverage();
			}
		}
		double coverage = profile.labelStems().isEmpty() ? 0 : covered / profile.labelStems().size();
		double score = lexical + weights.labelCoverage() * coverage;

		if (!profile.headStem().isEmpty() && query.stems().contains(profile.headStem())) {
			score += weights.headMatch();
		}
		if (profile.supplement() && !query.stems().contains("supplement")) {
			score += weights.unrequestedKind();
		}
		if (profile.pathology() && !query.stems().contains("anatomopathologiqu") && !query.stems().contains("cytopathologiqu")) {
			score += weights.unrequestedKind();
		}
		ClinicalContext context = query.context();
		boolean approachMatched = false;
		boolean approachConflict = false;
		if (!context.approaches().isEmpty() && !profile.approaches().isEmpty()) {
			approachMatched = profile.approaches().stream().anyMatch(context.approaches()::contains);
			approachConflict = !approachMatched;
			score += approachMatched ? weights.approachMatch() : weights.approachConflict();
		}
		score += side(context.laterality(), profile.laterality());
		if (profile.count() != null) {
			score += profile.count().contains(query.count()) ? weights.countMatch() : weights.countConflict();
		}
		if (profile.extent() != null && query.size() != null) {
			score += profile.extent().contains(query.size().unit(), query.size().value()) ? weights.extentMatch() : weights.extentConflict();
		}
		if (profile.ageBand() != null) {
			score += age(query.presumedAgeInMonths(), profile.ageBand());
		}
		for (Map.Entry<String, Boolean> qualifier : profile.qualifiers().entrySet()) {
			boolean with = qualifier.getValue();
			if (query.negated().contains(qualifier.getKey())) {
				score += with ? weights.qualifierConflict() : weights.qualifierMatch();
			} else if (query.stems().contains(qualifier.getKey())) {
				score += with ? weights.qualifierMatch() : weights.qualifierConflict();
			} else {
				// What a note does not mention was not done: "sans injection" when it says nothing of one.
				score += with ? -weights.qualifierUnstated() : weights.qualifierUnstated();
			}
		}
		double memory = query.memory().getOrDefault(profile.code(), 0.0);
		score += weights.memory() * memory;
		return new RankedCandidate(profile, score, coverage, List.copyOf(matched), approachMatched, approachConflict, memory);
	}

	/** An act for some ages only: the note's age decides; without one, the patient is taken for an adult, with half the weight. */
	private double age(Integer presumedAgeInMonths, AgeBands.Band band) {
		if (presumedAgeInMonths == null) {
			return 0.5 * (band.adultsOnly() ? weights.ageMatch() : weights.ageConflict());
		}
		return band.contains(presumedAgeInMonths) ? weights.ageMatch() : weights.ageConflict();
	}

	private double side(Laterality note, Laterality label) {
		if (note == Laterality.UNSTATED || label == Laterality.UNSTATED) {
			return 0;
		}
		return note == label ? weights.sideMatch() : weights.sideConflict();
	}
}
