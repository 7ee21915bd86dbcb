package fr.ccamhub.terminology.rules;

import fr.ccamhub.terminology.ccam.CcamAct;
import java.util.Objects;
import java.util.Set;

/**
 * Complementary gestures (chapter 18) and supplements (19.02) are never billed alone: they need,
 * on the same day, a main act that lists them among its associated gestures. A gesture no act
 * lists needs at least one act from another chapter.
 */
public final class CompanionActRule implements CcamRule {

	public static final String GESTURE_ID = "CCAM-GESTURE-WITHOUT-MAIN-ACT";
	public static final String SUPPLEMENT_ID = "CCAM-SUPPLEMENT-WITHOUT-MAIN-ACT";

	private final boolean supplements;

	private CompanionActRule(boolean supplements) {
		this.supplements = supplements;
	}

	/** Chapter 18: complementary anaesthesia and complementary gestures. */
	public static CompanionActRule complementaryGestures() {
		return new CompanionActRule(false);
	}

	/** Section 19.02: supplements. */
	public static CompanionActRule supplements() {
		return new CompanionActRule(true);
	}

	@Override
	public String id() {
		return supplements ? SUPPLEMENT_ID : GESTURE_ID;
	}

	@Override
	public void check(RuleInput input, Findings findings) {
		for (int i = 0; i < input.size(); i++) {
			CcamAct act = input.ccam(i).orElse(null);
			if (act == null || !concerns(act)) {
				continue;
			}
			Set<String> listers = input.book().actsListing(act.code());
			boolean accompanied = false;
			for (int j = 0; j < input.size() && !accompanied; j++) {
				CcamAct other = input.ccam(j).orElse(null);
				if (j == i || other == null || !Objects.equals(input.act(i).serviceDate(), input.act(j).serviceDate())) {
					continue;
				}
				accompanied = listers.isEmpty() ? !concerns(other) : listers.contains(other.code());
			}
			if (!accompanied) {
				String kindFr = supplements ? "Le supplément " : "Le geste complémentaire ";
				String kindEn = supplements ? "Supplement " : "Complementary gesture ";
				String withFr = listers.isEmpty() ? "un acte principal" : "un acte principal qui le prévoit (" + sample(listers) + ")";
				String withEn = listers.isEmpty() ? "a main act" : "a main act that lists it (" + sample(listers) + ")";
				findings.add(id(), Severity.ERROR, i,
						kindFr + act.code() + " ne peut pas être facturé seul : il faut " + withFr + " le même jour.",
						kindEn + act.code() + " cannot be billed alone: it needs " + withEn + " on the same day.");
			}
		}
	}

	private boolean concerns(CcamAct act) {
		return supplements ? CcamRuleBook.isSupplement(act.chapterCode()) : CcamRuleBook.isComplementary(act.chapterCode());
	}

	private static String sample(Set<String> listers) {
		String joined = listers.stream().sorted().limit(5).reduce((a, b) -> a + ", " + b).orElse("");
		return listers.size() > 5 ? joined + ", … " + listers.size() + " actes" : joined;
	}
}
