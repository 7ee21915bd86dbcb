package fr.ccamhub.hl7.mapping;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;

/**
 * HL7 v2 DTM/TS ({@code YYYY[MM[DD[HH[MM[SS[.S+]]]]]][+/-ZZZZ]}) to FHIR dates, keeping the
 * precision sent. A time without offset is read in the feed's zone (France by default).
 */
public final class Hl7Dates {

	private static final Pattern DTM = Pattern.compile(
			"(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(?:\\.\\d+)?([+-]\\d{4})?");

	private final ZoneId defaultZone;

	public Hl7Dates(ZoneId defaultZone) {
		this.defaultZone = defaultZone;
	}

	public Optional<DateTimeType> dateTime(String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		Matcher m = DTM.matcher(value.trim());
		if (!m.matches()) {
			return Optional.empty();
		}
		int year = Integer.parseInt(m.group(1));
		if (m.group(2) == null) {
			return Optional.of(new DateTimeType(String.valueOf(year)));
		}
		if (m.group(3) == null) {
			return Optional.of(new DateTimeType(m.group(1) + "-" + m.group(2)));
		}
		if (m.group(4) == null) {
			return Optional.of(new DateTimeType(m.group(1) + "-" + m.group(2) + "-" + m.group(3)));
		}
		LocalDateTime local = LocalDateTime.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
				Integer.parseInt(m.group(4)), m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
				m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
		ZonedDateTime zoned = m.group(7) == null
				? local.atZone(defaultZone)
				: local.atOffset(ZoneOffset.of(m.group(7).substring(0, 3) + ":" + m.group(7).substring(3))).toZonedDateTime();
		// FHIR dateTime has no minute precision: a time given to the minute is stored at :00 seconds.
		DateTimeType type = new DateTimeType(Date.from(zoned.toInstant()), TemporalPrecisionEnum.SECOND,
				TimeZone.getTimeZone(zoned.getZone()));
		return Optional.of(type);
	}

	public Optional<DateType> date(String value) {
		if (value == null || value.trim().length() < 4) {
			return Optional.empty();
		}
		String v = value.trim();
		try {
			return Optional.of(switch (Math.min(v.length(), 8)) {
				case 4, 5 -> new DateType(v.substring(0, 4));
				case 6, 7 -> new DateType(v.substring(0, 4) + "-" + v.substring(4, 6));
				default -> new DateType(v.substring(0, 4) + "-" + v.substring(4, 6) + "-" + v.substring(6, 8));
			});
		} catch (RuntimeException e) {
			return Optional.empty();
		}
	}
}
