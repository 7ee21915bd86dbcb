package fr.ccamhub.terminology.suggest;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one question to ask when the note cannot tell the two best codes apart: the approach when
 * the note gives none, the side, an "avec/sans" qualifier, or else which of the two acts it is.
 */
final class ClarificationQuestion {

	/** Below this confidence, a close second candidate makes the engine ask. */
	static final int ASK_BELOW_CONFIDENCE = 60;
	/** Two candidates whose scores differ by less than this share of the best are "close". */
	static final double CLOSE_MARGIN = 0.15;

	private ClarificationQuestion() {
	}

	static Optional<String> ask(NoteQuery query, RankedCandidate first, RankedCandidate second, int confidence) {
		if (second == null || confidence >= ASK_BELOW_CONFIDENCE) {
			return Optional.empty();
		}
		if ((first.score() - second.score()) / Math.max(first.score(), 1e-9) >= CLOSE_MARGIN) {
			return Optional.empty();
		}
		ActProfile a = first.profile();
		ActProfile b = second.profile();
		if (query.context().approaches().isEmpty() && !a.approaches().isEmpty() && !b.approaches().isEmpty()
				&& !a.approaches().equals(b.approaches())) {
			return Optional.of(capitalise(a.approaches().iterator().next().questionFr()) + " ou "
					+ b.approaches().iterator().next().questionFr() + " ?");
		}
		if (query.context().laterality() == Laterality.UNSTATED && a.laterality() != b.laterality()
				&& a.laterality() != Laterality.UNSTATED && b.laterality() != Laterality.UNSTATED) {
			return Optional.of("Unilatéral ou bilatéral ?");
		}
		for (Map.Entry<String, Boolean> qualifier : a.qualifiers().entrySet()) {
			Boolean other = b.qualifiers().get(qualifier.getKey());
			if (other != null && !other.equals(qualifier.getValue())) {
				Optional<String> word = qualifiedWord(a.act().label(), qualifier.getValue());
				if (word.isPresent()) {
					return Optional.of("Avec ou sans " + word.get() + " ?");
				}
			}
		}
		return Optional.of("S'agit-il de « " + a.act().label() + " » (" + a.code() + ") ou de « " + b.act().label() + " » ("
				+ b.code() + ") ?");
	}

	private static Optional<String> qualifiedWord(String label, boolean with) {
		Matcher matcher = Pattern.compile("\\b" + (with ? "avec" : "sans") + "\\s+([\\p{L}'’ -]{3,}?)(?:,|\\.|$| par | pour | avec | sans | ou | et )")
				.matcher(label.toLowerCase(Locale.FRENCH));
		return matcher.find() ? Optional.of(matcher.group(1).trim()) : Optional.empty();
	}

	private static String capitalise(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}
}
