package fr.ccamhub.terminology.suggest;

import fr.ccamhub.terminology.ccam.CcamAct;
import fr.ccamhub.terminology.rules.BilledAct;
import fr.ccamhub.terminology.rules.CcamRuleEngine;
import fr.ccamhub.terminology.rules.EncounterActs;
import fr.ccamhub.terminology.rules.Finding;
import fr.ccamhub.terminology.rules.Performer;
import fr.ccamhub.terminology.rules.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Suggests CCAM codes for a clinical note, offline: French lexical retrieval over the release with
 * clinical abbreviations expanded, re-ranking on approach, side and qualifiers, memory of coders'
 * decisions, modifiers from the context, and the rule engine's verdict on every code it proposes.
 * It only ever proposes codes of the loaded release that pass the engine's code-level checks.
 */
public final class CcamSuggester implements CodingCopilot {

	public static final String ENGINE = "ccamhub-copilot";
	public static final String VERSION = "1.0";
	static final int MAX_SUGGESTIONS = 3;
	private static final int RETRIEVED = 60;
	/** Rule findings that make a code unusable for this patient and date, whatever else is billed. */
	private static final Set<String> CODE_LEVEL_RULES = Set.of(
			"CCAM-CODE-UNKNOWN", "CCAM-CODE-NOT-IN-FORCE", "CCAM-SEX", "CCAM-ACTIVITY-PHASE-UNKNOWN");

	private final CcamActIndex index;
	private final ClinicalVocabulary vocabulary;
	private final CcamRuleEngine engine;
	private final CodingMemory memory;
	private final ConfidenceCalibration calibration;
	private final CandidateRanker ranker;
	private final ClinicalContextExtractor contextExtractor = new ClinicalContextExtractor();
	private final ModifierSuggester modifierSuggester = new ModifierSuggester();
	private final SuggestionExplainer explainer;

	public CcamSuggester(CcamActIndex index, ClinicalVocabulary vocabulary, CcamRuleEngine engine, CodingMemory memory,
			ConfidenceCalibration calibration, RankingWeights weights) {
		this.index = index;
		this.vocabulary = vocabulary;
		this.engine = engine;
		this.memory = memory;
		this.calibration = calibration;
		this.ranker = new CandidateRanker(index, weights);
		this.explainer = new SuggestionExplainer(index.stems(), vocabulary);
	}

	/** The standard engine over a rule engine's release, with the shipped vocabulary and calibration. */
	public static CcamSuggester standard(CcamRuleEngine engine) {
		CcamActIndex index = CcamActIndex.build(engine.book().release(), new FrenchClinicalAnalyzer());
		return new CcamSuggester(index, ClinicalVocabulary.load(), engine, new CodingMemory(index.stems()),
				ConfidenceCalibration.load(), RankingWeights.DEFAULT);
	}

	/** The same engine (index, memory) ranking with other weights and calibration: for tuning. */
	public CcamSuggester with(RankingWeights weights, ConfidenceCalibration calibration) {
		return new CcamSuggester(index, vocabulary, engine, memory, calibration, weights);
	}

	public static String engineVersion() {
		return ENGINE + "/" + VERSION;
	}

	@Override
	public void learn(String note, String code) {
		if (index.profile(code) != null) {
			memory.remember(note, code);
		}
	}

	@Override
	public SuggestionResult suggest(SuggestionRequest request) {
		return suggest(request, MAX_SUGGESTIONS);
	}

	/** Like {@link #suggest}, with up to {@code count} suggestions (a language model re-ranks more than three). */
	public SuggestionResult suggest(SuggestionRequest request, int count) {
		ClinicalContext context = contextExtractor.extract(request.text(), request.patient(), request.date());
		if (request.text().isBlank()) {
			return new SuggestionResult(List.of(), "Quel acte a été réalisé ?", context, engineVersion(), 0);
		}
		String folded = TextNormalizer.fold(request.text());
		ClinicalVocabulary.Expansion expansion = vocabulary.expand(request.text());
		Set<String> stems = index.stems().set(expansion.text() + " " + GestationalAge.trimesterWords(folded));
		Set<String> broader = new java.util.LinkedHashSet<>(index.stems().list(expansion.broader()));
		broader.removeAll(stems);
		NoteQuery query = new NoteQuery(request.text(), stems, broader, Qualifiers.negatedIn(folded, index.stems()), context,
				Counts.inNote(folded), Extents.inNote(folded), AgeBands.presumedAge(context, folded), memory.evidence(request.text()));
		List<RankedCandidate> ranked = usable(ranker.rank(query, index.search(stems, broader, RETRIEVED)), request, count);
		if (ranked.isEmpty()) {
			return new SuggestionResult(List.of(), "Pouvez-vous décrire l'acte réalisé (geste, organe, voie d'abord) ?",
					context, engineVersion(), 0);
		}
		RankedCandidate first = ranked.get(0);
		RankedCandidate second = ranked.size() > 1 ? ranked.get(1) : null;
		double raw = rawCertainty(first, second);
		int topConfidence = calibration.confidence(raw);
		List<Suggestion> suggestions = new ArrayList<>();
		double restScore = 0;
		for (int i = 1; i < Math.min(count, ranked.size()); i++) {
			restScore += Math.max(0, ranked.get(i).score());
		}
		for (int i = 0; i < Math.min(count, ranked.size()); i++) {
			RankedCandidate candidate = ranked.get(i);
			int confidence = i == 0 ? topConfidence
					: (int) Math.min(topConfidence - 1, Math.round((100 - topConfidence) * Math.max(0, candidate.score())
							/ Math.max(restScore, 1e-9)));
			RankedCandidate next = i + 1 < ranked.size() ? ranked.get(i + 1) : null;
			suggestions.add(suggestion(request, context, candidate, next, Math.max(0, confidence)));
		}
		String question = ClarificationQuestion.ask(query, ranked, topConfidence).orElse(null);
		return new SuggestionResult(suggestions, question, context, engineVersion(), raw);
	}

	/**
	 * How sure the ranker is of its first candidate, before calibration: how far ahead of the second
	 * it is, how much of its label the note covers, and whether a coder validated it on a close note.
	 */
	static double rawCertainty(RankedCandidate first, RankedCandidate second) {
		double margin = second == null ? 1 : (first.score() - second.score()) / Math.max(first.score(), 1e-9);
		double raw = 0.55 * Math.min(1, Math.max(0, margin) / 0.3) + 0.45 * first.labelCoverage();
		if (first.memorySimilarity() >= 0.8) {
			raw = Math.max(raw, 0.9);
		}
		return Math.max(0, Math.min(1, raw));
	}

	/** Drops the codes that fail a code-level rule (not in force on the date, wrong sex...). */
	private List<RankedCandidate> usable(List<RankedCandidate> ranked, SuggestionRequest request, int count) {
		List<RankedCandidate> kept = new ArrayList<>();
		for (RankedCandidate candidate : ranked) {
			if (kept.size() == count + 1) {
				break;
			}
			CcamAct act = candidate.profile().act();
			BilledAct billed = billed(act, List.of(), request.date());
			List<Finding> findings = engine.check(new EncounterActs(List.of(billed), request.patient()));
			boolean unusable = findings.stream()
					.anyMatch(f -> f.severity() == Severity.ERROR && CODE_LEVEL_RULES.contains(f.ruleId()));
			if (!unusable) {
				kept.add(candidate);
			}
		}
		return kept;
	}

	private Suggestion suggestion(SuggestionRequest request, ClinicalContext context, RankedCandidate candidate,
			RankedCandidate next, int confidence) {
		CcamAct act = candidate.profile().act();
		List<ModifierSuggester.SuggestedModifier> proposed = new ArrayList<>(modifierSuggester.suggest(act, context));
		List<BilledAct> encounter = new ArrayList<>(request.encounterActs());
		int index = encounter.size();
		encounter.add(billed(act, proposed.stream().map(ModifierSuggester.SuggestedModifier::code).toList(), request.date()));
		List<Finding> findings = engine.check(new EncounterActs(encounter, request.patient()));
		Set<String> rejectedModifiers = new HashSet<>();
		for (Finding finding : findings) {
			if (finding.modifier() != null && finding.severity() == Severity.ERROR && finding.acts().contains(index)) {
				rejectedModifiers.add(finding.modifier());
			}
		}
		proposed.removeIf(modifier -> rejectedModifiers.contains(modifier.code()));
		Set<String> warnings = new LinkedHashSet<>();
		boolean ruleErrors = false;
		for (Finding finding : findings) {
			if (finding.acts().contains(index) && (finding.modifier() == null || !rejectedModifiers.contains(finding.modifier()))
					&& !finding.ruleId().equals("CCAM-ASSOCIATION-CODE")) {
				warnings.add(finding.messageFr());
				ruleErrors |= finding.severity() == Severity.ERROR;
			}
		}
		String explanation = explainer.explain(request.text(), candidate, next, confidence, proposed);
		return new Suggestion(act.code(), act.label(), activity(act),
				proposed.stream().map(ModifierSuggester.SuggestedModifier::code).toList(), confidence, explanation,
				List.copyOf(warnings), ruleErrors);
	}

	private static BilledAct billed(CcamAct act, List<String> modifiers, LocalDate date) {
		return new BilledAct(act.code(), activity(act), 0, modifiers, null, date, Performer.UNKNOWN);
	}

	/** The activity a suggestion bills: 1 (the operator's act) when the act has it, else its first. */
	private static int activity(CcamAct act) {
		List<Integer> activities = act.activities();
		return activities.isEmpty() || activities.contains(1) ? 1 : activities.get(0);
	}
}
