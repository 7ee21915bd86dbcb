package fr.ccamhub.terminology.pricing;

import java.math.BigDecimal;
import java.util.List;

/** The acts of an encounter priced one by one, with totals. */
public record EncounterPrice(List<PricedAct> acts, BigDecimal total, BigDecimal insurerTotal, BigDecimal patientTotal) {

	public EncounterPrice {
		acts = List.copyOf(acts);
	}

	static EncounterPrice of(List<PricedAct> acts) {
		BigDecimal total = BigDecimal.ZERO.setScale(2);
		BigDecimal insurer = BigDecimal.ZERO.setScale(2);
		BigDecimal patient = BigDecimal.ZERO.setScale(2);
		for (PricedAct act : acts) {
			total = total.add(act.amount());
			insurer = insurer.add(act.insurerAmount());
			patient = patient.add(act.patientAmount());
		}
		return new EncounterPrice(acts, total, insurer, patient);
	}
}
