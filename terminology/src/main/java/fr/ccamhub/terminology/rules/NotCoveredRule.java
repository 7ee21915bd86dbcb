package fr.ccamhub.terminology.rules;

import fr.ccamhub.terminology.ccam.CcamActivityPhase;
import fr.ccamhub.terminology.ccam.CcamTariff;

/** A line whose tariff is "Non pris en charge" in the performer's sector is not reimbursed at all. */
public final class NotCoveredRule implements CcamRule {

	public static final String ID = "CCAM-NOT-COVERED";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void check(RuleInput input, Findings findings) {
		for (int i = 0; i < input.size(); i++) {
			BilledAct act = input.act(i);
			CcamActivityPhase line = input.line(i).orElse(null);
			if (line != null && !tariff(line, act.performer().sector()).covered()) {
				findings.add(ID, Severity.WARNING, i,
						act.code() + " (activité " + line.activity() + ") n'est pas pris en charge par l'assurance maladie.",
						act.code() + " (activity " + line.activity() + ") is not reimbursed by the national health insurance.");
			}
		}
	}

	/** The line's tariff in a sector. */
	public static CcamTariff tariff(CcamActivityPhase line, TariffSector sector) {
		return sector == TariffSector.SECTOR_1_OR_OPTAM ? line.tariffSector1Optam() : line.tariffOutsideSector1Optam();
	}
}
