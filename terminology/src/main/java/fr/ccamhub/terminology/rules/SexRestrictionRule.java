package fr.ccamhub.terminology.rules;

import fr.ccamhub.terminology.ccam.CcamAct;
import fr.ccamhub.terminology.ccam.CcamSexRestriction;

/** Acts reserved to one sex (CCAM NX {@code compatibilite_sexe}) are refused for the other. */
public final class SexRestrictionRule implements CcamRule {

	public static final String ID = "CCAM-SEX";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void check(RuleInput input, Findings findings) {
		PatientFacts.Sex sex = input.patient().sex();
		if (sex == PatientFacts.Sex.UNKNOWN) {
			return;
		}
		for (int i = 0; i < input.size(); i++) {
			CcamAct act = input.ccam(i).orElse(null);
			if (act == null) {
				continue;
			}
			if (act.sexRestriction() == CcamSexRestriction.MALE_ONLY && sex == PatientFacts.Sex.FEMALE) {
				findings.add(ID, Severity.ERROR, i,
						act.code() + " est réservé aux patients de sexe masculin.",
						act.code() + " may only be billed for male patients.");
			} else if (act.sexRestriction() == CcamSexRestriction.FEMALE_ONLY && sex == PatientFacts.Sex.MALE) {
				findings.add(ID, Severity.ERROR, i,
						act.code() + " est réservé aux patientes de sexe féminin.",
						act.code() + " may only be billed for female patients.");
			}
		}
	}
}
