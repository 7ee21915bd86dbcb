package fr.ccamhub.terminology.rules;

import fr.ccamhub.terminology.ccam.CcamAct;
import fr.ccamhub.terminology.ccam.CcamActivityPhase;
import java.util.stream.Collectors;

/**
 * The activity and phase billed must be a line of the act (anaesthesia, activity 4, has its own
 * rule with a clearer message).
 */
public final class ActivityPhaseRule implements CcamRule {

	public static final String ID = "CCAM-ACTIVITY-PHASE-UNKNOWN";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void check(RuleInput input, Findings findings) {
		for (int i = 0; i < input.size(); i++) {
			BilledAct billed = input.act(i);
			CcamAct act = input.ccam(i).orElse(null);
			if (act == null || input.line(i).isPresent() || AnaesthesiaActivityRule.anaesthesiaMissing(act, billed)) {
				continue;
			}
			String lines = act.activityPhases().stream().map(CcamActivityPhase::key).collect(Collectors.joining(", "));
			findings.add(ID, Severity.ERROR, i,
					act.code() + " n'a pas d'activité " + billed.activity() + " phase " + billed.phase()
							+ " (activité-phase possibles : " + lines + ").",
					act.code() + " has no activity " + billed.activity() + " phase " + billed.phase()
							+ " (activity-phase lines: " + lines + ").");
		}
	}
}
