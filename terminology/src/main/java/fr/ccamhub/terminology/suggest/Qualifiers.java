package fr.ccamhub.terminology.suggest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "avec X" / "sans X" qualifiers that split CCAM acts (avec/sans injection, avec/sans biopsie),
 * and the words a note negates ("sans injection", "pas de biopsie").
 */
final class Qualifiers {

	private static final Pattern LABEL_QUALIFIER = Pattern.compile(
			"\\b(avec|sans)\\s+(?:(?:de|du|des|la|le|les|l'|d'|un|une|ou|et)\\s*)*([a-z][a-z-]{3,})");
	private static final Pattern NEGATION = Pattern.compile(
			"\\b(?:sans|pas de|pas d'|non|absence de|absence d')\\s*(?:(?:de|du|des|la|le|les|l'|d'|un|une)\\s*)*([a-z][a-z-]{3,})");

	private Qualifiers() {
	}

	/** Stem of the qualified word → true for "avec", false for "sans" (first form wins). */
	static Map<String, Boolean> ofLabel(String foldedLabel, Stems stems) {
		Map<String, Boolean> qualifiers = new HashMap<>();
		Matcher matcher = LABEL_QUALIFIER.matcher(foldedLabel);
		while (matcher.find()) {
			List<String> stem = stems.list(matcher.group(2));
			if (!stem.isEmpty()) {
				qualifiers.putIfAbsent(stem.get(0), matcher.group(1).equals("avec"));
			}
		}
		return qualifiers;
	}

	/** Stems of the words the note negates. */
	static Set<String> negatedIn(String foldedText, Stems stems) {
		Set<String> negated = new HashSet<>();
		Matcher matcher = NEGATION.matcher(foldedText);
		while (matcher.find()) {
			List<String> stem = stems.list(matcher.group(1));
			if (!stem.isEmpty()) {
				negated.add(stem.get(0));
			}
		}
		return negated;
	}
}
