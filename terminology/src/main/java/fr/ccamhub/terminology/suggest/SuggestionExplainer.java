package fr.ccamhub.terminology.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes the two-sentence French explanation of a suggestion: which words of the note the label
 * takes up (and the approach when the note gives it), then why this code rather than the next
 * one, with the confidence and the modifiers the context implies.
 */
final class SuggestionExplainer {

	private static final Pattern NOTE_WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*");
	private static final int MAX_WORDS = 5;

	private final Stems stems;
	private final ClinicalVocabulary vocabulary;

	SuggestionExplainer(Stems stems, ClinicalVocabulary vocabulary) {
		this.stems = stems;
		this.vocabulary = vocabulary;
	}

	String explain(String note, RankedCandidate candidate, RankedCandidate next, int confidence,
			List<ModifierSuggester.SuggestedModifier> modifiers) {
		ActProfile profile = candidate.profile();
		StringBuilder text = new StringBuilder();
		List<String> words = noteWords(note, Set.copyOf(candidate.matchedStems()));
		text.append("Le libellé « ").append(profile.act().label()).append(" » (").append(profile.code()).append(')');
		if (words.isEmpty()) {
			text.append(" est l'acte le plus proche de la note");
		} else {
			text.append(" reprend ").append(words.size() == 1 ? "le terme " : "les termes ").append(String.join(", ", words))
					.append(" de la note");
		}
		if (candidate.approachMatched()) {
			text.append(", avec la voie d'abord indiquée");
		}
		text.append(" (").append(lowerFirst(profile.chapterLabel())).append(").");

		text.append(' ');
		if (candidate.memorySimilarity() >= CodingMemory.MIN_SIMILARITY) {
			text.append("Un codeur a déjà validé ce code pour une note très proche");
		} else if (next != null) {
			text.append("Il est préféré à ").append(next.profile().code()).append(" (« ").append(next.profile().act().label())
					.append(" »)").append(next.approachConflict() ? ", dont la voie d'abord ne correspond pas à la note"
							: ", dont le libellé correspond moins bien à la note");
		} else {
			text.append("Aucun autre acte de la CCAM ne correspond à la note");
		}
		text.append(" ; confiance ").append(confidence).append("/100");
		if (!modifiers.isEmpty()) {
			text.append(", modificateur").append(modifiers.size() > 1 ? "s " : " ")
					.append(modifiers.stream().map(m -> m.code() + " (" + m.reasonFr() + ")").collect(Collectors.joining(", ")));
		}
		text.append('.');
		return text.toString();
	}

	/** The words of the note that the label takes up, directly or through an abbreviation. */
	private List<String> noteWords(String note, Set<String> matched) {
		List<String> words = new ArrayList<>();
		Matcher matcher = NOTE_WORD.matcher(note);
		while (matcher.find() && words.size() < MAX_WORDS) {
			String word = matcher.group();
			String quoted = "« " + word + " »";
			if (words.contains(quoted)) {
				continue;
			}
			List<String> own = stems.list(word);
			if (!own.isEmpty() && matched.contains(own.get(0))) {
				words.add(quoted);
			} else if (stems.list(vocabulary.expand(word).text()).stream().anyMatch(matched::contains)) {
				words.add(quoted);
			}
		}
		return words;
	}

	private static String lowerFirst(String text) {
		if (text.isEmpty()) {
			return "chapitre non précisé";
		}
		String lower = text.equals(text.toUpperCase(Locale.ROOT)) ? text.toLowerCase(Locale.ROOT) : text;
		return Character.toLowerCase(lower.charAt(0)) + lower.substring(1);
	}
}
