package fr.ccamhub.terminology.suggest;

import java.time.LocalTime;
import java.util.Set;

/**
 * What a note says, besides the act itself, that changes the code or its modifiers: the approach,
 * the side, the patient's age, and when and how urgently the act was done.
 *
 * @param ageInMonths age of the patient when known from the note or the patient's birth date
 * @param time time of day of the act when the note gives it
 */
public record ClinicalContext(
		Set<Approach> approaches,
		Laterality laterality,
		Integer ageInMonths,
		LocalTime time,
		boolean night,
		boolean sundayOrHoliday,
		boolean emergency,
		boolean vitalEmergency,
		boolean openFracture,
		boolean bedsideOrTheatreImaging) {

	public ClinicalContext {
		approaches = Set.copyOf(approaches);
	}

	public boolean ageBelowYears(int years) {
		return ageInMonths != null && ageInMonths < years * 12;
	}

	public boolean ageAtLeastYears(int years) {
		return ageInMonths != null && ageInMonths >= years * 12;
	}

	/** Between 20:00 and midnight. */
	public boolean evening() {
		return time != null && time.getHour() >= 20;
	}

	/** Between midnight and 08:00. */
	public boolean afterMidnight() {
		return time != null && time.getHour() < 8;
	}
}
