package fr.ccamhub.terminology.suggest;

import java.util.List;

/**
 * One CCAM code proposed for a note: the code and its label, the activity to bill, the modifiers the
 * context implies, a confidence (0-100, calibrated), a two-sentence French explanation and the
 * rule engine's warnings (in French) for this code among the encounter's acts; {@code ruleErrors}
 * when one of them is an error (the code cannot be billed as it stands, so a coder must look).
 */
public record Suggestion(
		String code,
		String display,
		int activity,
		List<String> modifiers,
		int confidence,
		String explanation,
		List<String> warnings,
		boolean ruleErrors) {

	public Suggestion {
		modifiers = List.copyOf(modifiers);
		warnings = List.copyOf(warnings);
	}
}
