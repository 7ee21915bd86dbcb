package fr.ccamhub.terminology.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

	/** The main activity, single-phase line of an act, without modifiers. */
	public static BilledAct of(String code, LocalDate serviceDate) {
		return new BilledAct(code, 1, 0, List.of(), null, serviceDate, Performer.UNKNOWN);
	}

	public Optional<Integer> declaredAssociationCode() {
		return Optional.ofNullable(associationCode);
	}

	public BilledAct withActivity(int newActivity) {
		return new BilledAct(code, newActivity, phase, modifiers, associationCode, serviceDate, performer);
	}

	public BilledAct withModifiers(String... newModifiers) {
		return new BilledAct(code, activity, phase, List.of(newModifiers), associationCode, serviceDate, performer);
	}

	public BilledAct withAssociationCode(Integer newAssociationCode) {
		return new BilledAct(code, activity, phase, modifiers, newAssociationCode, serviceDate, performer);
	}

	public BilledAct withPerformer(Performer newPerformer) {
		return new BilledAct(code, activity, phase, modifiers, associationCode, serviceDate, newPerformer);
	}

	public BilledAct withPhase(int newPhase) {
		return new BilledAct(code, activity, newPhase, modifiers, associationCode, serviceDate, performer);
	}
}
