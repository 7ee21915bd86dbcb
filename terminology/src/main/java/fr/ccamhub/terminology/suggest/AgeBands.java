package fr.ccamhub.terminology.suggest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ages an act is for, as CCAM labels say it: "avant l'âge de 16 ans", "après l'âge de 1 an",
 * "chez l'enfant", "chez l'adulte", "chez le nouveau-né", "chez le nourrisson".
 */
final class AgeBands {

	/** Adulthood as the CCAM uses it for its child/adult splits. */
	static final int ADULT_MONTHS = 16 * 12;

	/** Ages in months, lower bound inclusive, upper bound exclusive. */
	record Band(int fromMonths, int toMonths) {
		boolean contains(int ageInMonths) {
			return ageInMonths >= fromMonths && ageInMonths < toMonths;
		}

		boolean adultsOnly() {
			return fromMonths >= ADULT_MONTHS;
		}
	}

	private static final Pattern BEFORE = Pattern.compile("\\bavant l'age de (\\d{1,2}) (ans?|mois)\\b");
	private static final Pattern AFTER = Pattern.compile("\\bapres l'age de (\\d{1,2}) (ans?|mois)\\b");
	private static final Pattern NEWBORN = Pattern.compile("\\b(?:chez le|du) (?:nouveau-ne|premature)\\b");
	private static final Pattern INFANT = Pattern.compile("\\b(?:chez le|du) nourrisson\\b");
	private static final Pattern CHILD = Pattern.compile("\\b(?:chez|de) l'enfant\\b");
	private static final Pattern ADULT = Pattern.compile("\\b(?:chez|de) l'adulte\\b");
	/** Words in a note that say the patient is an adult or a child without giving an age. */
	private static final Pattern NOTE_ADULT = Pattern.compile("\\b(?:adulte|mr|mme|monsieur|madame)\\b");
	private static final Pattern NOTE_CHILD = Pattern.compile("\\b(?:enfant|nourrisson|bebe|garcon|fillette|pediatrique)\\b");

	private AgeBands() {
	}

	static Band ofLabel(String foldedLabel) {
		Matcher before = BEFORE.matcher(foldedLabel);
		if (before.find()) {
			return new Band(0, months(before.group(1), before.group(2)));
		}
		Matcher after = AFTER.matcher(foldedLabel);
		if (after.find()) {
			return new Band(months(after.group(1), after.group(2)), Integer.MAX_VALUE);
		}
		if (NEWBORN.matcher(foldedLabel).find()) {
			return new Band(0, 1);
		}
		if (INFANT.matcher(foldedLabel).find()) {
			return new Band(0, 24);
		}
		if (CHILD.matcher(foldedLabel).find()) {
			return new Band(0, ADULT_MONTHS);
		}
		if (ADULT.matcher(foldedLabel).find()) {
			return new Band(ADULT_MONTHS, Integer.MAX_VALUE);
		}
		return null;
	}

	/**
	 * The patient's age in months as far as the ranker can tell: the age the context knows, else a
	 * typical age when the note says "enfant" or "adulte", else null.
	 */
	static Integer presumedAge(ClinicalContext context, String foldedNote) {
		if (context.ageInMonths() != null) {
			return context.ageInMonths();
		}
		if (NOTE_CHILD.matcher(foldedNote).find()) {
			return 6 * 12;
		}
		if (NOTE_ADULT.matcher(foldedNote).find()) {
			return 40 * 12;
		}
		return null;
	}

	private static int months(String number, String unit) {
		int value = Integer.parseInt(number);
		return unit.startsWith("an") ? value * 12 : value;
	}
}
