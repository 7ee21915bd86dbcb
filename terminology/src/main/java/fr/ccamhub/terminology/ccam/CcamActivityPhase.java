package fr.ccamhub.terminology.ccam;

/**
 * One billable line of an act: an activity (1 main act, 2-3 other performers, 4 anaesthesia,
 * 5 extracorporeal circulation) and a phase (0 single-phase, 1..n multi-phase), with its tariffs.
 */
public record CcamActivityPhase(
		int activity,
		int phase,
		String label,
		CcamTariff tariffSector1Optam,
		CcamTariff tariffOutsideSector1Optam,
		String grouping,
		String copaymentExemption,
		boolean reimbursedUnderConditions,
		boolean priorApproval) {

	public static final int ANAESTHESIA = 4;

	/** Key used in property codes and messages, e.g. {@code 1-0}. */
	public String key() {
		return activity + "-" + phase;
	}
}
