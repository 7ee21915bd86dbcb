package fr.ccamhub.terminology.rules;

/** Ages in whole years, {@code from} inclusive and {@code until} exclusive (null: no upper bound). */
public record AgeRange(int from, Integer until) {

	public boolean contains(int age) {
		return age >= from && (until == null || age < until);
	}

	@Override
	public String toString() {
		return until == null ? from + "+" : from + "-" + (until - 1);
	}
}
