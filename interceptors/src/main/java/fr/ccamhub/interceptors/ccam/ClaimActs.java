package fr.ccamhub.interceptors.ccam;

import fr.ccamhub.terminology.rules.BilledAct;
import fr.ccamhub.terminology.rules.EncounterActs;
import fr.ccamhub.terminology.rules.PatientFacts;
import java.util.List;

/**
 * The CCAM acts read from a Claim, and for each act the index of the Claim item it came from (items
 * coded in another system are not acts and are skipped), so findings can point back at the item.
 */
public record ClaimActs(List<BilledAct> acts, List<Integer> itemIndexes, boolean copaymentExempt) {

	public ClaimActs {
		acts = List.copyOf(acts);
		itemIndexes = List.copyOf(itemIndexes);
	}

	public EncounterActs encounter(PatientFacts patient) {
		return new EncounterActs(acts, new PatientFacts(patient.sex(), patient.birthDate(), patient.copaymentExempt() || copaymentExempt));
	}

	public int itemIndex(int act) {
		return itemIndexes.get(act);
	}
}
