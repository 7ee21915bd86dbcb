package fr.ccamhub.terminology.rules;

import fr.ccamhub.terminology.ccam.CcamAct;
import fr.ccamhub.terminology.ccam.CcamActivityPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The acts of an encounter with their CCAM data looked up once, plus the rule book every rule
 * consults. Acts are addressed by their index in the order they were given.
 */
public final class RuleInput {

	private final EncounterActs encounter;
	private final CcamRuleBook book;
	private final List<CcamAct> resolved;
	private final List<CcamActivityPhase> lines;
	private List<AssociationPlanner.Decision> associations;

	RuleInput(EncounterActs encounter, CcamRuleBook book) {
		this.encounter = encounter;
		this.book = book;
		List<CcamAct> acts = new ArrayList<>(encounter.acts().size());
		List<CcamActivityPhase> billedLines = new ArrayList<>(encounter.acts().size());
		for (BilledAct billed : encounter.acts()) {
			CcamAct act = book.release().act(billed.code()).orElse(null);
			acts.add(act);
			billedLines.add(act == null ? null : act.activityPhase(billed.activity(), billed.phase()).orElse(null));
		}
		this.resolved = acts;
		this.lines = billedLines;
	}

	public CcamRuleBook book() {
		return book;
	}

	public PatientFacts patient() {
		return encounter.patient();
	}

	public int size() {
		return encounter.acts().size();
	}

	public BilledAct act(int index) {
		return encounter.acts().get(index);
	}

	public List<BilledAct> acts() {
		return encounter.acts();
	}

	/** The association code and rate of each act, planned once and shared by the rules and pricing. */
	public List<AssociationPlanner.Decision> associations() {
		if (associations == null) {
			associations = AssociationPlanner.plan(this);
		}
		return associations;
	}

	/** The act's entry in the current release, empty when the code is not in it. */
	public Optional<CcamAct> ccam(int index) {
		return Optional.ofNullable(resolved.get(index));
	}

	/** The activity/phase line billed, when both the code and the line exist. */
	public Optional<CcamActivityPhase> line(int index) {
		return Optional.ofNullable(lines.get(index));
	}
}
