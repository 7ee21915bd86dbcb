package fr.ccamhub.terminology.rules;

/**
 * One billing rule of the CCAM. Rules are independent: each reads the acts of an encounter (with
 * their CCAM data already resolved) and appends what it finds; none depends on another's output.
 */
public interface CcamRule {

	/** Stable identifier of the rule, reported with every finding (e.g. {@code CCAM-MODIFIER-NOT-ALLOWED}). */
	String id();

	void check(RuleInput input, Findings findings);
}
