package fr.ccamhub.terminology.suggest.llm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Removes what identifies a patient from a note before it leaves the server: NIR/INS, IPP and
 * record numbers, dates (of birth or otherwise), phone numbers, e-mail addresses, postal
 * addresses, and person names after a civility or a title, or written "NOM Prénom". The clinical
 * content (acts, organs, ages, times of day) is kept: it is what the model must read.
 */
public final class Pseudonymizer {

	private static final Map<Pattern, String> RULES = new LinkedHashMap<>();

	static {
		// e-mail before anything that could split it
		rule("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+", "[EMAIL]");
		// NIR / INS: 13 digits + optional 2-digit key, with or without spaces (Corsica 2A/2B)
		rule("\\b[12]\\s?\\d{2}\\s?(?:0[1-9]|1[0-2]|[2-9]\\d)\\s?(?:\\d{2}|2[AB])\\s?\\d{3}\\s?\\d{3}(?:\\s?\\d{2})?\\b", "[NIR]");
		// French phone numbers: 0X XX XX XX XX, +33 X XX XX XX XX, with spaces, dots or dashes
		rule("(?:\\+33\\s?|\\b0)[1-9](?:[\\s.-]?\\d{2}){4}\\b", "[TEL]");
		// identifiers introduced by their name
		rule("(?i)\\b(?:IPP|NIP|NDA|IEP|n°\\s?dossier|dossier|INS|NIR|RPPS|ADELI|NSS)\\s*(?:n°|:|#)?\\s*[A-Z0-9-]{4,}", "[IDENTIFIANT]");
		// dates: 12/03/1979, 12-03-79, 1979-03-12, 12 mars 1979
		rule("\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b", "[DATE]");
		rule("\\b\\d{4}-\\d{2}-\\d{2}\\b", "[DATE]");
		rule("(?i)\\b\\d{1,2}(?:er)?\\s+(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)\\s+\\d{4}\\b", "[DATE]");
		// postal addresses: number + street type + name, postal code + city
		rule("(?i)\\b\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s+(?:rue|avenue|av\\.|boulevard|bd|chemin|allée|allee|place|impasse|route|quai|cours|square|résidence|residence)\\b[^,.;\\n]*", "[ADRESSE]");
		rule("\\b\\d{5}\\s+[A-ZÉÈ][\\p{L}' -]+", "[ADRESSE]");
		// names after a civility or a title
		rule("\\b(?:M\\.|Mr|Mme|Mlle|Monsieur|Madame|Mademoiselle|Dr\\.?|Docteur|Pr\\.?|Professeur)\\s+(?:[A-ZÉÈÀÂÊÎÔÛÇ][\\p{L}'-]+\\s?){1,3}", "[NOM]");
		// "DUPONT Jean" / "Jean DUPONT": a word in capitals (4+ letters) next to a capitalised word
		rule("\\b[A-ZÉÈÀÂÊÎÔÛÇ]{4,}(?:[ -][A-ZÉÈÀÂÊÎÔÛÇ]{2,})*\\s+[A-ZÉÈÀÂÊÎÔÛÇ][a-zéèàâêîôûçëï]+\\b", "[NOM]");
		rule("\\b[A-ZÉÈÀÂÊÎÔÛÇ][a-zéèàâêîôûçëï]+\\s+[A-ZÉÈÀÂÊÎÔÛÇ]{4,}\\b", "[NOM]");
		// "né(e) le ..." whatever follows up to the next punctuation
		rule("(?i)\\bn[ée]e?\\s+le\\s+[^,.;\\n]+", "né(e) le [DATE]");
	}

	private static void rule(String regex, String replacement) {
		RULES.put(Pattern.compile(regex), replacement);
	}

	public String pseudonymize(String note) {
		String text = note;
		for (Map.Entry<Pattern, String> rule : RULES.entrySet()) {
			text = rule.getKey().matcher(text).replaceAll(rule.getValue());
		}
		return text;
	}
}
