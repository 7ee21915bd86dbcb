package fr.ccamhub.dmp.summary;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The coded acts of one stay, as the per-stay summary shows them to the patient and the next doctors.
 *
 * @param patientName the patient's name as recorded
 * @param birthDate the patient's birth date, if known
 * @param ins the patient's INS
 * @param facility the structure's name
 * @param start when the stay started, if known
 * @param end when it ended, if it has
 * @param acts the completed CCAM acts, in order
 */
public record ActsSummary(String patientName, Optional<LocalDate> birthDate, String ins, String facility,
		Optional<LocalDateTime> start, Optional<LocalDateTime> end, List<Act> acts) {

	public ActsSummary {
		acts = List.copyOf(acts);
	}

	/**
	 * One act: when, its CCAM code and French label, activity and phase, modifiers, and who performed it.
	 */
	public record Act(Optional<LocalDateTime> performed, String code, String label, String activity, String phase,
			List<String> modifiers, String performer) {

		public Act {
			modifiers = List.copyOf(modifiers);
		}
	}
}
