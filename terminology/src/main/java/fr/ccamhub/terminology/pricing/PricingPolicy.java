package fr.ccamhub.terminology.pricing;

import java.math.BigDecimal;

/**
 * The amounts set by decree around the nomenclature: the compulsory insurance rate for doctors'
 * acts (70 %), and the threshold (120 EUR) above which an act is covered in full apart from a flat
 * patient contribution (24 EUR).
 */
public record PricingPolicy(BigDecimal insurerRate, BigDecimal fullCoverageThreshold, BigDecimal flatContribution) {

	public static final PricingPolicy DEFAULT = new PricingPolicy(new BigDecimal("0.70"), new BigDecimal("120.00"), new BigDecimal("24.00"));
}
