package fr.ccamhub.terminology.ccam;

import java.util.List;
import java.util.Optional;

/** A CCAM act of one release, with everything the rule engine and pricing need about it. */
public record CcamAct(
		String code,
		String label,
		String chapterCode,
		List<String> allowedModifiers,
		List<String> associatedGestures,
		boolean reimbursedUnderConditions,
		boolean priorApproval,
		String copaymentExemption,
		String grouping,
		CcamSexRestriction sexRestriction,
		List<CcamActivityPhase> activityPhases,
		List<CcamNote> notes) {

	public CcamAct {
		allowedModifiers = List.copyOf(allowedModifiers);
		associatedGestures = List.copyOf(associatedGestures);
		activityPhases = List.copyOf(activityPhases);
		notes = List.copyOf(notes);
	}

	public Optional<CcamActivityPhase> activityPhase(int activity, int phase) {
		return activityPhases.stream()
				.filter(line -> line.activity() == activity && line.phase() == phase)
				.findFirst();
	}

	public List<Integer> activities() {
		return activityPhases.stream().map(CcamActivityPhase::activity).distinct().sorted().toList();
	}
}
