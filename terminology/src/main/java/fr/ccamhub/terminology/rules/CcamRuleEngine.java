package fr.ccamhub.terminology.rules;

import java.util.List;

/** Runs every CCAM rule on the acts of an encounter and returns all findings, rule by rule. */
public final class CcamRuleEngine {

	private final CcamRuleBook book;
	private final List<CcamRule> rules;

	public CcamRuleEngine(CcamRuleBook book, List<CcamRule> rules) {
		this.book = book;
		this.rules = List.copyOf(rules);
	}

	/** Every rule this module knows, in the order a coder would fix them: code, activity, modifiers, pairs, billing. */
	public static CcamRuleEngine standard(CcamRuleBook book) {
		return new CcamRuleEngine(book, List.of(
				new UnknownCodeRule(),
				new CodeInForceRule(),
				new AnaesthesiaActivityRule(),
				new ActivityPhaseRule(),
				new SexRestrictionRule(),
				new UnknownModifierRule(),
				new ModifierNotAllowedRule(),
				new ModifierActivityRule(),
				new RepeatedModifierRule(),
				new ExclusiveModifiersRule(),
				new ModifierCountRule(),
				new ModifierAgeRule(),
				new UrgencyModifierOnceRule(),
				new BillingIncompatibilityRule(),
				new NoteExclusionRule(),
				CompanionActRule.complementaryGestures(),
				CompanionActRule.supplements(),
				new AssociationCodeRule(),
				new AssociationLimitRule(),
				new PriorApprovalRule(),
				new ReimbursementConditionsRule(),
				new NotCoveredRule()));
	}

	public CcamRuleBook book() {
		return book;
	}

	public List<CcamRule> rules() {
		return rules;
	}

	public List<Finding> check(EncounterActs encounter) {
		return check(input(encounter));
	}

	public List<Finding> check(RuleInput input) {
		Findings findings = new Findings();
		for (CcamRule rule : rules) {
			rule.check(input, findings);
		}
		return findings.toList();
	}

	/** The encounter with its CCAM data resolved, to share between checking and pricing. */
	public RuleInput input(EncounterActs encounter) {
		return new RuleInput(encounter, book);
	}
}
