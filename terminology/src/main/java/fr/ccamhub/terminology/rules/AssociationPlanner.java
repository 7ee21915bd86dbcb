package fr.ccamhub.terminology.rules;

import fr.ccamhub.terminology.ccam.CcamAct;
import fr.ccamhub.terminology.ccam.CcamActivityPhase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies the association rules of the CCAM general provisions (Livre III, art. III-3 B): acts
 * performed by the same practitioner, on the same day, for the same activity (anaesthesia apart)
 * are associated. Two acts at most, gestures included: the highest tariff (before modifiers) at
 * 100 % (code 1), the next at 50 % (code 2). Gestures, supplements and interventional imaging
 * are billed in full; with a single other act they take no code. Pathology, EMG, radiotherapy and
 * dental acts are all billed in full with code 4. Conventional radiographs: the first in full,
 * every other at 50 %. The coder may assert what the data cannot show: code 3 (surgery on
 * different limbs, multiple recent injuries: 100/75/50 for up to three acts) and code 5 (acts at
 * different times of the day, in full).
 */
public final class AssociationPlanner {

	public static final BigDecimal FULL = BigDecimal.ONE;
	public static final BigDecimal HALF = new BigDecimal("0.50");
	public static final BigDecimal THREE_QUARTERS = new BigDecimal("0.75");

	/** Why an act got its association code. */
	public enum Role {
		ALONE,
		MAIN,
		GESTURE,
		SUPPLEMENT,
		INTERVENTIONAL_IMAGING,
		FULL_RATE_DEROGATION,
		DIFFERENT_TIME,
		BEYOND_LIMIT,
		UNRESOLVED
	}

	/** The association code an act should carry (null: none), the rate it is billed at, and why. */
	public record Decision(Integer code, BigDecimal rate, Role role, String group) {

		public boolean billable() {
			return role != Role.BEYOND_LIMIT && role != Role.UNRESOLVED;
		}
	}

	private AssociationPlanner() {
	}

	public static List<Decision> plan(RuleInput input) {
		Decision[] decisions = new Decision[input.size()];
		Map<String, List<Integer>> groups = new LinkedHashMap<>();
		for (int i = 0; i < input.size(); i++) {
			if (input.line(i).isEmpty()) {
				decisions[i] = new Decision(null, BigDecimal.ZERO, Role.UNRESOLVED, "");
				continue;
			}
			BilledAct act = input.act(i);
			String group = act.serviceDate() + "|" + act.performer().id() + "|"
					+ (act.activity() == CcamActivityPhase.ANAESTHESIA ? "anaesthesia" : "acts");
			groups.computeIfAbsent(group, key -> new ArrayList<>()).add(i);
		}
		groups.forEach((group, members) -> planGroup(input, group, members, decisions));
		return List.of(decisions);
	}

	private static void planGroup(RuleInput input, String group, List<Integer> members, Decision[] decisions) {
		if (members.size() == 1) {
			decisions[members.get(0)] = new Decision(null, FULL, Role.ALONE, group);
			return;
		}
		List<Integer> sameTime = new ArrayList<>();
		for (int i : members) {
			if (Integer.valueOf(5).equals(input.act(i).associationCode())) {
				decisions[i] = new Decision(5, FULL, Role.DIFFERENT_TIME, group);
			} else {
				sameTime.add(i);
			}
		}
		if (sameTime.size() == 1) {
			decisions[sameTime.get(0)] = new Decision(1, FULL, Role.MAIN, group);
			return;
		}
		if (sameTime.stream().anyMatch(i -> fullRate(input, i))) {
			sameTime.forEach(i -> decisions[i] = new Decision(4, FULL, Role.FULL_RATE_DEROGATION, group));
			return;
		}
		List<Integer> mains = new ArrayList<>();
		int gestures = 0;
		for (int i : sameTime) {
			String chapter = input.ccam(i).orElseThrow().chapterCode();
			if (CcamRuleBook.isSupplement(chapter)) {
				decisions[i] = new Decision(1, FULL, Role.SUPPLEMENT, group);
			} else if (CcamRuleBook.isComplementary(chapter)) {
				decisions[i] = new Decision(1, FULL, Role.GESTURE, group);
				gestures++;
			} else if (CcamRuleBook.isInterventionalImaging(chapter)) {
				decisions[i] = new Decision(1, FULL, Role.INTERVENTIONAL_IMAGING, group);
			} else {
				mains.add(i);
			}
		}
		if (sameTime.size() == 2 && mains.size() < 2) {
			for (int i : sameTime) {
				Decision d = decisions[i];
				decisions[i] = new Decision(null, FULL, d == null ? Role.MAIN : d.role(), group);
			}
			return;
		}
		mains.sort(Comparator.comparing((Integer i) -> tariffBeforeModifiers(input, i)).reversed());
		boolean traumaDerogation = mains.stream().anyMatch(i -> Integer.valueOf(3).equals(input.act(i).associationCode()));
		boolean radiographsOnly = !mains.isEmpty() && mains.stream().allMatch(i -> isConventionalRadiograph(input.ccam(i).orElseThrow()));
		int slots = radiographsOnly ? Integer.MAX_VALUE : Math.max(1, (traumaDerogation ? 3 : 2) - gestures);
		for (int rank = 0; rank < mains.size(); rank++) {
			int i = mains.get(rank);
			if (rank >= slots) {
				decisions[i] = new Decision(null, BigDecimal.ZERO, Role.BEYOND_LIMIT, group);
			} else if (rank == 0) {
				decisions[i] = new Decision(1, FULL, Role.MAIN, group);
			} else if (rank == 1 && traumaDerogation) {
				decisions[i] = new Decision(3, THREE_QUARTERS, Role.MAIN, group);
			} else {
				decisions[i] = new Decision(2, HALF, Role.MAIN, group);
			}
		}
	}

	private static boolean fullRate(RuleInput input, int i) {
		CcamAct act = input.ccam(i).orElseThrow();
		return input.book().inFullRateChapter(act.chapterCode())
				|| !CcamRuleBook.MEDICAL_GROUPINGS.contains(input.line(i).map(CcamActivityPhase::grouping).orElse(act.grouping()));
	}

	/** Conventional radiographs (imaging grouping, label "Radiographie..."): any number, the first in full, the others at 50 %. */
	static boolean isConventionalRadiograph(CcamAct act) {
		String label = act.label().toLowerCase(Locale.ROOT);
		return "ADI".equals(act.grouping()) && (label.startsWith("radiographie") || label.startsWith("téléradiographie"));
	}

	static BigDecimal tariffBeforeModifiers(RuleInput input, int i) {
		return input.line(i)
				.flatMap(line -> NotCoveredRule.tariff(line, input.act(i).performer().sector()).amount())
				.orElse(BigDecimal.ZERO);
	}
}
