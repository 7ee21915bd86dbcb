package fr.ccamhub.interceptors.ccam;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

/** FHIR dates and instants as the calendar day in France, which is the day CCAM rules and tariffs apply to. */
public final class ParisDates {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private ParisDates() {
	}

	/** The day in Paris, or null for a null date. */
	public static LocalDate localDate(Date date) {
		return date == null ? null : date.toInstant().atZone(PARIS).toLocalDate();
	}
}
