package fr.ccamhub.terminology.suggest;

/** Anything that suggests CCAM codes for a note: the offline engine, or a language model re-ranking it. */
public interface CodingCopilot {

	SuggestionResult suggest(SuggestionRequest request);

	/** Records a coder's decision so that the next similar note benefits from it. */
	void learn(String note, String code);
}
