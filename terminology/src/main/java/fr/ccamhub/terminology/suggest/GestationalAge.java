package fr.ccamhub.terminology.suggest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trimester of a pregnancy from the term a note gives in weeks of amenorrhoea ("à 22 SA",
 * "12 SA + 3 j"), in the words of the CCAM obstetric ultrasound labels: first trimester up to
 * 13 SA + 6 days, second up to 27 SA + 6 days, third after.
 */
final class GestationalAge {

	private static final Pattern WEEKS = Pattern.compile("\\b(\\d{1,2}) ?(?:sa|semaines? d'amenorrhee)\\b");

	private GestationalAge() {
	}

	/** "1er trimestre", "2ème trimestre" or "3ème trimestre", or "" when the note gives no term. */
	static String trimesterWords(String foldedNote) {
		Matcher weeks = WEEKS.matcher(foldedNote);
		if (!weeks.find()) {
			return "";
		}
		int value = Integer.parseInt(weeks.group(1));
		if (value < 4 || value > 43) {
			return "";
		}
		if (value <= 13) {
			return "1er trimestre";
		}
		return value <= 27 ? "2ème trimestre" : "3ème trimestre";
	}
}
