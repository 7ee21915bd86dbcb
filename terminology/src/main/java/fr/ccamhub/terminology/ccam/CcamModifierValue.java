package fr.ccamhub.terminology.ccam;

import java.math.BigDecimal;

/**
 * What a modifier adds to an act: a fixed amount in euro or a percentage of the act's tariff.
 * The source's own text is kept, since a few cells are irregular (see {@link #parse}).
 */
public record CcamModifierValue(Kind kind, BigDecimal value, String sourceText) {

	public enum Kind {
		AMOUNT_EUR,
		PERCENT
	}

	/**
	 * Reads {@code 25.15}, {@code +49%}, {@code "+6,50%"} and the irregular {@code 21,5%} (a
	 * percentage without its plus sign). A percentage is always an increase in section 19.03.
	 */
	public static CcamModifierValue parse(String cell) {
		String text = cell == null ? "" : cell.trim();
		if (text.isEmpty()) {
			throw new IllegalArgumentException("Empty CCAM modifier value");
		}
		String number = text.replace("+", "").replace("%", "").replace(" ", "").replace(',', '.');
		BigDecimal value = new BigDecimal(number);
		return text.contains("%")
				? new CcamModifierValue(Kind.PERCENT, value, text)
				: new CcamModifierValue(Kind.AMOUNT_EUR, value.setScale(2), text);
	}

	@Override
	public String toString() {
		return kind == Kind.PERCENT ? "+" + value.stripTrailingZeros().toPlainString() + "%" : value.toPlainString() + " EUR";
	}
}
