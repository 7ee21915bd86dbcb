package fr.ccamhub.terminology.pricing;

import fr.ccamhub.terminology.rules.AssociationPlanner;
import java.math.BigDecimal;
import java.util.List;

/**
 * One act priced: the unit tariff of its line in the performer's sector (null when not covered),
 * the modifiers applied, the association code and rate, the amount (base de remboursement) and its
 * split between the compulsory insurer and the patient.
 */
public record PricedAct(
		int index,
		String code,
		int activity,
		int phase,
		BigDecimal unitTariff,
		List<AppliedModifier> modifiers,
		AssociationPlanner.Decision association,
		BigDecimal amount,
		BigDecimal insurerRate,
		BigDecimal insurerAmount,
		BigDecimal patientAmount,
		BigDecimal flatContribution) {

	public PricedAct {
		modifiers = List.copyOf(modifiers);
	}

	public boolean priced() {
		return unitTariff != null && association.billable();
	}
}
