package fr.ccamhub.terminology.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the "cannot be billed with" rules out of a CCAM billing note, e.g. {@code Facturation : ne
 * peut pas être facturé avec un forfait de réanimation (YYYY015, YYYY020)}, {@code ... avec des actes
 * du paragraphe 12.02.01}, {@code ... avec des actes techniques des chapitres 1 à 17 à l'exception
 * de : ... (DEQP003)}, or the reverse form {@code ... (DEQP003) ne peut pas être facturée en sus de
 * ...}. Positive statements ("peut être facturé avec") give nothing.
 */
final class BillingNoteParser {

	static final Pattern CODE = Pattern.compile("\\b[A-Z]{4}\\d{3}\\b");
	private static final Pattern NEGATIVE = Pattern.compile(
			"ne\\s+peu(?:t|vent)\\s+pas\\s+(?:être\\s+)?(?:factur|cod|tarif)\\S*\\s+(?:en\\s+association\\s+)?(avec|en\\s+sus\\s+de)"
					+ "|non\\s+(?:facturable|associable)[^.\\n]*?\\b(avec|à)\\b",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	private static final Pattern EXCEPT = Pattern.compile("à\\s+l['’]exception|sauf\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	private static final Pattern CHAPTER_REFERENCE = Pattern.compile(
			"(?:chapitres?|(?:sous[- ]?)?paragraphes?)\\s+(\\d{1,2}(?:\\.\\d{2})*(?:\\s*(?:,|et|à)\\s*\\d{1,2}(?:\\.\\d{2})*)*)",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	private static final Pattern CONDITION = Pattern.compile(
			"même\\s+(?:arcade|membre|côté|dent|œil|oeil|sextant)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private BillingNoteParser() {
	}

	static List<ActPairRule> parse(String subject, String note) {
		List<ActPairRule> rules = new ArrayList<>();
		String[] lines = note.split("\\R|¶");
		for (int i = 0; i < lines.length; i++) {
			Matcher negative = NEGATIVE.matcher(lines[i]);
			if (!negative.find()) {
				continue;
			}
			String before = lines[i].substring(0, negative.start());
			StringBuilder clause = new StringBuilder(lines[i].substring(negative.end()));
			String head = clause.toString().trim();
			boolean listFollows = head.isEmpty() || head.endsWith(":");
			while (listFollows && i + 1 < lines.length && lines[i + 1].trim().startsWith("-")) {
				clause.append(' ').append(lines[++i]);
			}
			String text = clause.toString();
			Matcher except = EXCEPT.matcher(text);
			boolean hasException = except.find();
			// An exception the acts cannot show ("sauf lors des bilans ...") leaves the rule conditional.
			boolean conditional = CONDITION.matcher(negative.group() + text).find()
					|| (hasException && codes(text.substring(except.start())).isEmpty());
			String source = "note " + subject + " : « " + (before + negative.group() + text).trim().replaceAll("\\s+", " ") + " »";
			boolean reverse = negative.group().toLowerCase(Locale.ROOT).contains("en sus") && CODE.matcher(before).find();
			if (reverse) {
				for (String code : codes(before)) {
					rules.add(new ActPairRule(code, subject, Set.of(), conditional, source));
				}
				continue;
			}
			String covered = hasException ? text.substring(0, except.start()) : text;
			Set<String> exceptions = covered.length() < text.length() ? codes(text.substring(covered.length())) : Set.of();
			for (String other : codes(covered)) {
				rules.add(new ActPairRule(subject, other, Set.of(), conditional, source));
			}
			for (String chapter : chapters(covered)) {
				rules.add(new ActPairRule(subject, chapter, exceptions, conditional, source));
			}
		}
		return rules;
	}

	static Set<String> codes(String text) {
		Set<String> codes = new LinkedHashSet<>();
		Matcher matcher = CODE.matcher(text);
		while (matcher.find()) {
			codes.add(matcher.group());
		}
		return codes;
	}

	/** Chapter references, zero-padded ({@code chapitres 1 à 17} gives 01..17). */
	static Set<String> chapters(String text) {
		Set<String> chapters = new LinkedHashSet<>();
		Matcher matcher = CHAPTER_REFERENCE.matcher(text);
		while (matcher.find()) {
			String[] ranges = matcher.group(1).split("\\s*(?:,|\\bet\\b)\\s*");
			for (String range : ranges) {
				String[] bounds = range.trim().split("\\s*à\\s*");
				if (bounds.length == 2 && !bounds[0].contains(".") && !bounds[1].contains(".")) {
					for (int chapter = Integer.parseInt(bounds[0]); chapter <= Integer.parseInt(bounds[1]); chapter++) {
						chapters.add(String.format(Locale.ROOT, "%02d", chapter));
					}
				} else {
					for (String bound : bounds) {
						chapters.add(pad(bound.trim()));
					}
				}
			}
		}
		return chapters;
	}

	private static String pad(String chapter) {
		int dot = chapter.indexOf('.');
		String head = dot < 0 ? chapter : chapter.substring(0, dot);
		return (head.length() == 1 ? "0" + head : head) + (dot < 0 ? "" : chapter.substring(dot));
	}
}
