package fr.ccamhub.terminology.suggest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many of something an act covers, as CCAM labels say it ("de 1 à 3 polypes", "4 tumeurs ou
 * plus", "d'1 dent", "de 2 dents"), and how many a note names ("2 petits polypes", "exérèse de 3
 * verrues"; one when it gives no number).
 */
final class Counts {

	/** A range of counts, inclusive; {@code max} is {@link Integer#MAX_VALUE} for "ou plus". */
	record Range(int min, int max) {
		boolean contains(int count) {
			return count >= min && count <= max;
		}
	}

	private static final Pattern LABEL_RANGE = Pattern.compile("\\bde (\\d{1,2}) a (\\d{1,2})\\b");
	private static final Pattern LABEL_OR_MORE = Pattern.compile("\\b(?:de )?(\\d{1,2}) [a-z]+(?: [a-z]+)? ou plus\\b");
	private static final Pattern LABEL_EXACT = Pattern.compile("\\b(?:d'|de )(\\d{1,2}) (?!a \\d)[a-z]");
	private static final Pattern NOTE_COUNT = Pattern.compile(
			"(?<![\\d/.,])(?<!\\b(?:la|le|en|de la|sur la|dent|dents) )\\b(\\d{1,2}) (?!(?:ans?|mois|jours?|j|h|heures?|min|minutes?|sa|cm|cm2|mm|kg|g|mg|ml|l|litres?|%|mbq|ua|ui|degres?|electrodes?|derivations?|incidences?|faces?|e|eme|er|ere)\\b)(?:[a-z]+ ){0,2}?[a-z]{4,}");

	private Counts() {
	}

	static Range ofLabel(String foldedLabel) {
		Matcher range = LABEL_RANGE.matcher(foldedLabel);
		if (range.find()) {
			return new Range(Integer.parseInt(range.group(1)), Integer.parseInt(range.group(2)));
		}
		Matcher orMore = LABEL_OR_MORE.matcher(foldedLabel);
		if (orMore.find()) {
			return new Range(Integer.parseInt(orMore.group(1)), Integer.MAX_VALUE);
		}
		Matcher exact = LABEL_EXACT.matcher(foldedLabel);
		if (exact.find()) {
			int count = Integer.parseInt(exact.group(1));
			return new Range(count, count);
		}
		return null;
	}

	/** The count a note names, 1 when it names none. */
	static int inNote(String foldedNote) {
		Matcher count = NOTE_COUNT.matcher(foldedNote);
		while (count.find()) {
			int value = Integer.parseInt(count.group(1));
			if (value > 0 && value <= 32) {
				return value;
			}
		}
		return 1;
	}
}
