package fr.ccamhub.terminology.suggest;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Lower-cases and strips accents and ligatures so that French text compares as a coder reads it. */
public final class TextNormalizer {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private TextNormalizer() {
	}

	public static String fold(String text) {
		String lower = text.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae").replace('’', '\'');
		return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
	}
}
