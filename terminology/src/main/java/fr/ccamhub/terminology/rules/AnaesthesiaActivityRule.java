package fr.ccamhub.terminology.rules;

import fr.ccamhub.terminology.ccam.CcamAct;
import fr.ccamhub.terminology.ccam.CcamActivityPhase;

/** Anaesthesia (activity 4) may only be billed for acts that have an anaesthesia line. */
public final class AnaesthesiaActivityRule implements CcamRule {

	public static final String ID = "CCAM-ANAESTHESIA-NOT-ALLOWED";

	@Override
	public String id() {
		return ID;
	}

	static boolean anaesthesiaMissing(CcamAct act, BilledAct billed) {
		return billed.activity() == CcamActivityPhase.ANAESTHESIA && !act.activities().contains(CcamActivityPhase.ANAESTHESIA);
	}

	@Override
	public void check(RuleInput input, Findings findings) {
		for (int i = 0; i < input.size(); i++) {
			CcamAct act = input.ccam(i).orElse(null);
			if (act != null && anaesthesiaMissing(act, input.act(i))) {
				findings.add(ID, Severity.ERROR, i,
						act.code() + " ne comporte pas d'activité d'anesthésie (4) : l'anesthésie ne peut pas être facturée avec ce code.",
						act.code() + " has no anaesthesia activity (4): anaesthesia cannot be billed with this code.");
			}
		}
	}
}
