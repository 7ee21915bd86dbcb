package fr.ccamhub.terminology.suggest;

import fr.ccamhub.terminology.rules.PatientFacts;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the clinical context of a note: approach, side, age, time of day, urgency. */
public final class ClinicalContextExtractor {

	private static final Pattern YEARS = Pattern.compile("\\b(\\d{1,3}) ?(ans|an|a)\\b");
	private static final Pattern MONTHS = Pattern.compile("\\b(\\d{1,2}) ?mois\\b");
	private static final Pattern DAYS = Pattern.compile("\\b(?:j|jour)(\\d{1,2})\\b|\\b(\\d{1,2}) ?(?:jours|j) de vie\\b");
	private static final Pattern NEWBORN = Pattern.compile("\\b(nouveau-?nes?|nne|neonat\\w*|nourrisson\\w*|bebe\\w*)\\b");
	private static final Pattern CLOCK = Pattern.compile("(?:\\b(?:a|vers|des|le soir a)\\s+|^)(\\d{1,2}) ?h ?(\\d{2})?\\b|\\b(\\d{1,2})h(\\d{2})\\b");
	private static final Pattern MIDNIGHT = Pattern.compile("\\bminuit\\b");
	private static final Pattern NIGHT = Pattern.compile("\\b(la nuit|de nuit|nocturne|dans la nuit)\\b");
	private static final Pattern SUNDAY = Pattern.compile("\\b(dimanche|ferie|jour ferie|1er mai|noel|paques)\\b");
	private static final Pattern EMERGENCY = Pattern.compile("\\b(urgen\\w*|urg|garde|astreinte|sau)\\b");
	private static final Pattern VITAL = Pattern.compile("\\b(urgence vitale|pronostic vital|choc hemorragique|arret cardiaque|detresse vitale)\\b");
	private static final Pattern OPEN_FRACTURE = Pattern.compile("\\b(fracture|fx|fract) (\\w+ ){0,4}ouverte\\b|\\bfracture ouverte\\b|\\bcauchoix\\b");
	private static final Pattern BEDSIDE = Pattern.compile("\\b(au lit|en reanimation|en rea|au bloc|peroperatoire|intransportable|en usc|en soins intensifs)\\b");

	public ClinicalContext extract(String text, PatientFacts patient, LocalDate date) {
		String folded = TextNormalizer.fold(text);
		Integer ageInMonths = ageInMonths(folded, patient, date);
		LocalTime time = time(folded);
		boolean night = time != null ? time.getHour() >= 20 || time.getHour() < 8 : NIGHT.matcher(folded).find();
		boolean sunday = SUNDAY.matcher(folded).find() || (date != null && date.getDayOfWeek() == DayOfWeek.SUNDAY)
				|| (date != null && FrenchPublicHolidays.isHoliday(date));
		return new ClinicalContext(
				Approach.inText(folded),
				Laterality.inText(folded),
				ageInMonths,
				time,
				night,
				sunday,
				EMERGENCY.matcher(folded).find() || VITAL.matcher(folded).find(),
				VITAL.matcher(folded).find(),
				OPEN_FRACTURE.matcher(folded).find(),
				BEDSIDE.matcher(folded).find());
	}

	private static Integer ageInMonths(String folded, PatientFacts patient, LocalDate date) {
		Matcher months = MONTHS.matcher(folded);
		if (months.find()) {
			return Integer.valueOf(months.group(1));
		}
		Matcher years = YEARS.matcher(folded);
		if (years.find()) {
			int value = Integer.parseInt(years.group(1));
			if (value <= 120) {
				return value * 12;
			}
		}
		if (DAYS.matcher(folded).find() && NEWBORN.matcher(folded).find()) {
			return 0;
		}
		if (patient != null && patient.birthDate() != null) {
			LocalDate on = date == null ? LocalDate.now() : date;
			if (!on.isBefore(patient.birthDate())) {
				return (int) Period.between(patient.birthDate(), on).toTotalMonths();
			}
		}
		if (NEWBORN.matcher(folded).find()) {
			return 0;
		}
		return null;
	}

	private static LocalTime time(String folded) {
		Matcher clock = CLOCK.matcher(folded);
		while (clock.find()) {
			String hourGroup = clock.group(1) != null ? clock.group(1) : clock.group(3);
			String minuteGroup = clock.group(1) != null ? clock.group(2) : clock.group(4);
			int hour = Integer.parseInt(hourGroup);
			int minute = minuteGroup == null ? 0 : Integer.parseInt(minuteGroup);
			if (hour <= 24 && minute < 60) {
				return LocalTime.of(hour % 24, minute);
			}
		}
		return MIDNIGHT.matcher(folded).find() ? LocalTime.MIDNIGHT : null;
	}
}
