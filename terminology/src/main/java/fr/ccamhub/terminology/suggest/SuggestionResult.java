package fr.ccamhub.terminology.suggest;

import java.util.List;
import java.util.Optional;

/**
 * Up to three suggestions, best first, the question to ask the coder when the note cannot tell the
 * best codes apart, the context read from the note, and the engine that produced it.
 */
public record SuggestionResult(List<Suggestion> suggestions, String question, ClinicalContext context, String engine,
		double rawCertainty) {

	public SuggestionResult {
		suggestions = List.copyOf(suggestions);
	}

	public Optional<Suggestion> best() {
		return suggestions.stream().findFirst();
	}

	public Optional<String> clarificationQuestion() {
		return Optional.ofNullable(question);
	}
}
