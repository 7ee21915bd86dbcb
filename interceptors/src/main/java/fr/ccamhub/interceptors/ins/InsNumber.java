package fr.ccamhub.interceptors.ins;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a French INS matricule (NIR or NIA, 13 characters + 2-digit key) as the ANS INS guide
 * defines it: key = 97 - (number mod 97), where a Corsican department 2A counts as 19 and 2B as 18.
 * A NIR starts with the sex digit 1 or 2; a NIA (numéro identifiant d'attente) with 7 or 8.
 */
public final class InsNumber {

	/** The kind of matricule an INS OID announces. */
	public enum Kind {
		NIR("1", "2"),
		NIA("7", "8");

		private final String[] firstDigits;

		Kind(String... firstDigits) {
			this.firstDigits = firstDigits;
		}

		boolean startsWell(String value) {
			for (String digit : firstDigits) {
				if (value.startsWith(digit)) {
					return true;
				}
			}
			return false;
		}

		String firstDigitsText() {
			return String.join(" or ", firstDigits);
		}
	}

	private static final Pattern SHAPE = Pattern.compile("[0-9]{5}(?:[0-9]{2}|2A|2B)[0-9]{8}");

	private InsNumber() {}

	/** Why the value is not a valid matricule of this kind, or empty when it is valid. */
	public static Optional<String> problem(Kind kind, String value) {
		if (value == null || value.isBlank()) {
			return Optional.of("the INS matricule is empty");
		}
		String v = value.trim().toUpperCase(java.util.Locale.ROOT);
		if (v.length() != 15) {
			return Optional.of("an INS matricule has 15 characters (13 + a 2-digit key), got " + v.length());
		}
		if (!SHAPE.matcher(v).matches()) {
			return Optional.of("an INS matricule is made of digits, with 2A or 2B allowed as department (positions 6-7)");
		}
		if (!kind.startsWell(v)) {
			return Optional.of("an INS-" + kind + " starts with " + kind.firstDigitsText() + ", got " + v.charAt(0));
		}
		int expectedKey = key(v.substring(0, 13));
		int givenKey = Integer.parseInt(v.substring(13));
		if (expectedKey != givenKey) {
			return Optional.of("wrong key " + v.substring(13) + " for " + v.substring(0, 13) + ": expected "
					+ String.format("%02d", expectedKey));
		}
		return Optional.empty();
	}

	/** The control key of the 13 first characters (97 - number mod 97, Corsica 2A = 19, 2B = 18). */
	public static int key(String thirteenCharacters) {
		String department = thirteenCharacters.substring(5, 7);
		String digits = switch (department) {
			case "2A" -> thirteenCharacters.substring(0, 5) + "19" + thirteenCharacters.substring(7);
			case "2B" -> thirteenCharacters.substring(0, 5) + "18" + thirteenCharacters.substring(7);
			default -> thirteenCharacters;
		};
		return (int) (97 - Long.parseLong(digits) % 97);
	}
}
