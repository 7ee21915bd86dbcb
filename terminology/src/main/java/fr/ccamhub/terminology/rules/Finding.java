package fr.ccamhub.terminology.rules;

import java.util.List;

/**
 * One result of a rule: a stable rule id, a severity, the index of the acts concerned (in the
 * order they were given), the modifier concerned if any, and the message in French and English.
 */
public record Finding(String ruleId, Severity severity, List<Integer> acts, String modifier, String messageFr, String messageEn) {

	public Finding {
		acts = List.copyOf(acts);
	}

	@Override
	public String toString() {
		return severity + " " + ruleId + " " + acts + (modifier == null ? "" : " [" + modifier + "]") + ": " + messageEn;
	}
}
