package fr.ccamhub.terminology.suggest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How large a lesion, a wound or a burn an act covers, as CCAM labels say it ("de moins de 3 cm de
 * grand axe", "de 3 cm à 10 cm", "sur 1% à 10% de la surface corporelle", "de moins de 5 cm²"), and
 * the size a note gives ("plaie de 2 cm", "polype de 15 mm", "brûlure sur 5 % de SC"). Lengths are
 * compared in centimetres, areas in square centimetres, burns in percent of the body surface.
 */
final class Extents {

	enum Unit {
		LENGTH, AREA, PERCENT
	}

	/** A range of sizes in one unit; bounds are inclusive except where the label says "moins de" or "plus de". */
	record Range(Unit unit, double min, boolean minInclusive, double max, boolean maxInclusive) {
		boolean contains(Unit noteUnit, double value) {
			if (noteUnit != unit) {
				return false;
			}
			boolean aboveMin = minInclusive ? value >= min : value > min;
			boolean belowMax = maxInclusive ? value <= max : value < max;
			return aboveMin && belowMax;
		}
	}

	/** A size a note gives. */
	record Size(Unit unit, double value) {
	}

	private static final String NUMBER = "(\\d+(?:[,.]\\d+)?)";
	private static final String UNIT = "(cm2|cm|mm|%)";
	private static final Pattern LABEL_BETWEEN = Pattern.compile(NUMBER + " ?" + UNIT + "? a " + NUMBER + " ?" + UNIT + "(?![\\w])");
	private static final Pattern LABEL_BELOW = Pattern.compile("\\bmoins de " + NUMBER + " ?" + UNIT + "(?![\\w])");
	private static final Pattern LABEL_ABOVE = Pattern.compile("\\bplus de " + NUMBER + " ?" + UNIT + "(?![\\w])");
	private static final Pattern LABEL_OR_MORE = Pattern.compile(NUMBER + " ?" + UNIT + " (?:ou|et) plus\\b");
	private static final Pattern NOTE_SIZE = Pattern.compile("(?<![\\w,.])" + NUMBER + " ?" + UNIT + "(?![\\w])");

	private Extents() {
	}

	static Range ofLabel(String foldedLabel) {
		String label = squared(foldedLabel);
		Matcher between = LABEL_BETWEEN.matcher(label);
		if (between.find()) {
			Unit unit = unit(between.group(4));
			return new Range(unit, value(between.group(1), between.group(4)), true, value(between.group(3), between.group(4)), true);
		}
		Matcher below = LABEL_BELOW.matcher(label);
		if (below.find()) {
			return new Range(unit(below.group(2)), 0, true, value(below.group(1), below.group(2)), false);
		}
		Matcher orMore = LABEL_OR_MORE.matcher(label);
		if (orMore.find()) {
			return new Range(unit(orMore.group(2)), value(orMore.group(1), orMore.group(2)), true, Double.MAX_VALUE, true);
		}
		Matcher above = LABEL_ABOVE.matcher(label);
		if (above.find()) {
			return new Range(unit(above.group(2)), value(above.group(1), above.group(2)), false, Double.MAX_VALUE, true);
		}
		return null;
	}

	/** The first size a note gives, or null. */
	static Size inNote(String foldedNote) {
		Matcher size = NOTE_SIZE.matcher(squared(foldedNote));
		while (size.find()) {
			Unit unit = unit(size.group(2));
			double value = value(size.group(1), size.group(2));
			if (unit != Unit.PERCENT || value <= 100) {
				return new Size(unit, value);
			}
		}
		return null;
	}

	private static String squared(String folded) {
		return folded.replace("cm²", "cm2");
	}

	private static Unit unit(String unit) {
		return switch (unit) {
			case "cm2" -> Unit.AREA;
			case "%" -> Unit.PERCENT;
			default -> Unit.LENGTH;
		};
	}

	private static double value(String number, String unit) {
		double value = Double.parseDouble(number.replace(',', '.'));
		return "mm".equals(unit) ? value / 10 : value;
	}
}
