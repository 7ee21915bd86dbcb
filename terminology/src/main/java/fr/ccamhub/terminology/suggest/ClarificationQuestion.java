package fr.ccamhub.terminology.suggest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one question to ask when the note cannot tell the best codes apart: the approach when the
 * note gives none and the same act exists by another approach, else (when the two best are close
 * and confidence low) the side, an "avec/sans" qualifier, or which of the two acts it is.
 */
final class ClarificationQuestion {

	/** Below this confidence, a close second candidate makes the engine ask. */
	static final int ASK_BELOW_CONFIDENCE = 60;
	/** Two candidates whose scores differ by less than this share of the best are "close". */
	static final double CLOSE_MARGIN = 0.15;

	private ClarificationQuestion() {
	}

	/** From this confidence on, no question: the engine is sure enough. */
	static final int SURE = 90;

	static Optional<String> ask(NoteQuery query, List<RankedCandidate> ranked, int confidence) {
		if (ranked.size() < 2 || confidence >= SURE) {
			return Optional.empty();
		}
		RankedCandidate first = ranked.get(0);
		Optional<String> approach = approachQuestion(query, first, ranked.subList(1, Math.min(3, ranked.size())));
		if (approach.isPresent()) {
			return approach;
		}
		RankedCandidate second = ranked.get(1);
		if (confidence >= ASK_BELOW_CONFIDENCE) {
			return Optional.empty();
		}
		if ((first.score() - second.score()) / Math.max(first.score(), 1e-9) >= CLOSE_MARGIN) {
			return Optional.empty();
		}
		ActProfile a = first.profile();
		ActProfile b = second.profile();
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

	/**
	 * The note names no approach, and a close candidate for the same organ and action (same first
	 * three letters of the code) is done by another approach: ask which.
	 */
	private static Optional<String> approachQuestion(NoteQuery query, RankedCandidate first, List<RankedCandidate> others) {
		if (!query.context().approaches().isEmpty() || first.profile().approaches().isEmpty()) {
			return Optional.empty();
		}
		Set<Approach> mine = first.profile().approaches();
		for (RankedCandidate other : others) {
			Set<Approach> theirs = other.profile().approaches();
			if (theirs.isEmpty() || theirs.equals(mine) || !sameOrganAndAction(first, other)) {
				continue;
			}
			Approach a = mine.stream().filter(x -> !theirs.contains(x)).findFirst().orElse(mine.iterator().next());
			Approach b = theirs.stream().filter(x -> !mine.contains(x)).findFirst().orElse(theirs.iterator().next());
			if (a != b) {
				return Optional.of(capitalise(a.questionFr()) + " ou " + b.questionFr() + " ?");
			}
		}
		return Optional.empty();
	}

	private static boolean sameOrganAndAction(RankedCandidate a, RankedCandidate b) {
		return a.profile().code().substring(0, 3).equals(b.profile().code().substring(0, 3));
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
