package fr.ccamhub.terminology.suggest.llm;

import java.util.List;

/**
 * What the model answers (JSON schema in {@link RankingPrompt}): candidate codes best first, each
 * with its confidence and a two-sentence explanation, the material and duration when the note gives
 * them, implicit modifiers, incompatibilities, and a clarification question when unsure.
 */
record LlmRanking(List<Ranked> ranking, String question, String material, String duration, List<String> incompatibilities) {

	LlmRanking {
		ranking = ranking == null ? List.of() : List.copyOf(ranking);
		incompatibilities = incompatibilities == null ? List.of() : List.copyOf(incompatibilities);
	}

	record Ranked(String code, Integer confidence, String explanation, List<String> modifiers) {

		Ranked {
			modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
		}
	}
}
