package fr.ccamhub.terminology.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.OptionalInt;

/**
 * What the rules need to know about the patient: administrative sex, birth date (either may be
 * unknown) and whether the patient is exempt from co-payment (ALD, maternity, C2S...).
 */
public record PatientFacts(Sex sex, LocalDate birthDate, boolean copaymentExempt) {

	public static final PatientFacts UNKNOWN = new PatientFacts(Sex.UNKNOWN, null, false);

	public PatientFacts {
		sex = sex == null ? Sex.UNKNOWN : sex;
	}

	/** Age in whole years on a date, when the birth date is known. */
	public OptionalInt ageOn(LocalDate date) {
		if (birthDate == null || date == null || date.isBefore(birthDate)) {
			return OptionalInt.empty();
		}
		return OptionalInt.of(Period.between(birthDate, date).getYears());
	}

	public enum Sex {
		MALE,
		FEMALE,
		UNKNOWN
	}
}
