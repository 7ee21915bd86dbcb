package fr.ccamhub.terminology.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * One act as a coder or an EHR wants to bill it: a CCAM code with its activity, phase, modifiers,
 * optional association code (1-5), date of service and the practitioner who performed it.
 */
public record BilledAct(
		String code,
		int activity,
		int phase,
		List<String> modifiers,
		Integer associationCode,
		LocalDate serviceDate,
		Performer performer) {

	public BilledAct {
		code = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
		modifiers = modifiers == null ? List.of()
				: modifiers.stream().map(m -> m.trim().toUpperCase(Locale.ROOT)).toList();
		performer = performer == null ? Performer.UNKNOWN : performer;
	}
}
