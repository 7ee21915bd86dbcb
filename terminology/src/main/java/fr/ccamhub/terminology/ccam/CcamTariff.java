package fr.ccamhub.terminology.ccam;

import java.math.BigDecimal;
import java.util.Optional;

/** A CCAM unit price in euro, or "non pris en charge" when the act is not reimbursed. */
public record CcamTariff(BigDecimal euros) {

	public static final CcamTariff NOT_COVERED = new CcamTariff(null);

	static final String NOT_COVERED_LABEL = "Non pris en charge";

	public boolean covered() {
		return euros != null;
	}

	public Optional<BigDecimal> amount() {
		return Optional.ofNullable(euros);
	}

	/**
	 * Parses a tariff cell of the ameli listing: a decimal amount (dot or comma, stray spaces
	 * as in the source's {@code "248, 15"}) or {@code Non pris en charge}.
	 */
	public static CcamTariff parse(String cell) {
		String trimmed = cell == null ? "" : cell.trim();
		if (trimmed.isEmpty() || trimmed.equalsIgnoreCase(NOT_COVERED_LABEL)) {
			return NOT_COVERED;
		}
		String normalised = trimmed.replace(" ", "").replace(',', '.');
		try {
			return new CcamTariff(new BigDecimal(normalised).setScale(2));
		} catch (NumberFormatException | ArithmeticException e) {
			throw new IllegalArgumentException("Not a CCAM tariff: '" + cell + "'", e);
		}
	}

	@Override
	public String toString() {
		return covered() ? euros.toPlainString() : NOT_COVERED_LABEL;
	}
}
