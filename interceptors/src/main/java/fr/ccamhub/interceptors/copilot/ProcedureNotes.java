package fr.ccamhub.interceptors.copilot;

import fr.ccamhub.interceptors.ccam.CcamFhir;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Procedure;

/** What a Procedure says in words (code text, non-CCAM displays, notes), and whether it is CCAM-coded. */
public final class ProcedureNotes {

	private ProcedureNotes() {
	}

	public static boolean hasCcamCode(Procedure procedure) {
		return procedure.getCode().getCoding().stream().anyMatch(c -> CcamFhir.isCcam(c.getSystem()) && c.hasCode());
	}

	/** The words to code, joined; empty when the Procedure has none. */
	public static String text(Procedure procedure) {
		Set<String> parts = new LinkedHashSet<>();
		if (procedure.getCode().hasText()) {
			parts.add(procedure.getCode().getText().strip());
		}
		for (Coding coding : procedure.getCode().getCoding()) {
			if (!CcamFhir.isCcam(coding.getSystem()) && coding.hasDisplay()) {
				parts.add(coding.getDisplay().strip());
			}
		}
		for (Annotation note : procedure.getNote()) {
			if (note.hasText()) {
				parts.add(note.getText().strip());
			}
		}
		parts.removeIf(String::isEmpty);
		return String.join(". ", parts);
	}

	/** Stored with words, no CCAM code, and a status that still calls for billing. */
	public static boolean awaitsCoding(Procedure procedure) {
		Procedure.ProcedureStatus status = procedure.getStatus();
		boolean billable = status == null || status == Procedure.ProcedureStatus.COMPLETED
				|| status == Procedure.ProcedureStatus.INPROGRESS || status == Procedure.ProcedureStatus.NULL;
		return billable && !hasCcamCode(procedure) && !text(procedure).isBlank();
	}

	public static boolean hasStatusTag(Procedure procedure) {
		return procedure.getMeta().getTag().stream().anyMatch(tag -> CopilotFhir.STATUS_SYSTEM.equals(tag.getSystem()));
	}
}
