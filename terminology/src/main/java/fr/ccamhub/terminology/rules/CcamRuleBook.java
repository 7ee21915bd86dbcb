package fr.ccamhub.terminology.rules;

import fr.ccamhub.terminology.ccam.CcamRelease;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the rules consult, built once per release: the release itself, the history of
 * codes, the pair rules read from the notes and the curated tables, and the modifier tables.
 */
public record CcamRuleBook(
		CcamRelease release,
		CcamCodeHistory history,
		ActPairIndex incompatibilities,
		ActPairIndex exclusions,
		Map<String, Set<String>> exclusiveModifiers,
		int maxModifiersPerAct,
		Map<String, List<AgeRange>> modifierAges,
		Map<String, Set<String>> gestureListedBy,
		Map<String, Set<Integer>> modifierActivities,
		Set<String> fullRateChapters,
		ModifierVariants modifierVariants) {

	/** Chapter of complementary anaesthesia and complementary gestures (18.01, 18.02). */
	public static final String COMPLEMENTARY_CHAPTER = "18";
	/** Supplements: never coded alone, billed in full with a main act. */
	public static final String SUPPLEMENTS_CHAPTER = "19.02";

	public Set<String> exclusiveWith(String modifier) {
		return exclusiveModifiers.getOrDefault(modifier, Set.of());
	}

	public Set<String> actsListing(String gesture) {
		return gestureListedBy.getOrDefault(gesture, Set.of());
	}

	/** Section 19.01.09.02: imaging for interventional radiology or cardiology, billed in full with its act. */
	public static final String INTERVENTIONAL_IMAGING_CHAPTER = "19.01.09.02";

	/** Groupings of the acts the general association rule applies to; the others are dental acts, billed in full. */
	public static final Set<String> MEDICAL_GROUPINGS = Set.of("ACO", "ADA", "ADC", "ADE", "ADI", "ATM", "");

	/** Whether an act's chapter lies in a chapter where associated acts are all billed in full (code 4). */
	public boolean inFullRateChapter(String chapter) {
		for (String node = chapter; node != null && !node.isEmpty(); node = parent(node)) {
			if (fullRateChapters.contains(node)) {
				return true;
			}
		}
		return false;
	}

	static String parent(String chapter) {
		int dot = chapter.lastIndexOf('.');
		return dot < 0 ? null : chapter.substring(0, dot);
	}

	public static boolean isInterventionalImaging(String chapter) {
		return chapter.equals(INTERVENTIONAL_IMAGING_CHAPTER) || chapter.startsWith(INTERVENTIONAL_IMAGING_CHAPTER + ".");
	}

	public static boolean isComplementary(String chapter) {
		return chapter.equals(COMPLEMENTARY_CHAPTER) || chapter.startsWith(COMPLEMENTARY_CHAPTER + ".");
	}

	public static boolean isSupplement(String chapter) {
		return chapter.equals(SUPPLEMENTS_CHAPTER) || chapter.startsWith(SUPPLEMENTS_CHAPTER + ".");
	}
}
