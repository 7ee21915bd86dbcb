package fr.ccamhub.interceptors.ccam;

import fr.ccamhub.terminology.rules.BilledAct;
import fr.ccamhub.terminology.rules.Performer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Procedure;

/**
 * Reads the CCAM act of a Procedure: the CCAM coding of {@code code}, activity and phase extensions,
 * modifier extensions, the date performed and the first performer. Empty when it has no CCAM code
 * (a Procedure described in words waits for the coder).
 */
public final class ProcedureActReader {

	private ProcedureActReader() {
	}

	public static Optional<BilledAct> read(Procedure procedure) {
		Coding code = procedure.getCode().getCoding().stream()
				.filter(c -> CcamFhir.isCcam(c.getSystem()) && c.hasCode())
				.findFirst().orElse(null);
		if (code == null) {
			return Optional.empty();
		}
		List<String> modifiers = new ArrayList<>();
		for (Extension extension : procedure.getExtensionsByUrl(CcamFhir.MODIFIER)) {
			if (extension.getValue() instanceof Coding coding && coding.hasCode()) {
				modifiers.add(coding.getCode());
			}
		}
		String performer = procedure.getPerformerFirstRep().getActor().getReference();
		return Optional.of(new BilledAct(code.getCode(), number(procedure, CcamFhir.ACTIVITY, 1), number(procedure, CcamFhir.PHASE, 0),
				modifiers, null, performed(procedure), performer == null ? Performer.UNKNOWN
						: new Performer(performer, null, null)));
	}

	private static int number(Procedure procedure, String url, int fallback) {
		Extension extension = procedure.getExtensionByUrl(url);
		if (extension == null || extension.getValue() == null) {
			return fallback;
		}
		try {
			return Integer.parseInt(extension.getValue().primitiveValue().trim());
		} catch (NumberFormatException | NullPointerException e) {
			return -1;
		}
	}

	private static LocalDate performed(Procedure procedure) {
		Date date = null;
		if (procedure.hasPerformedDateTimeType()) {
			date = procedure.getPerformedDateTimeType().getValue();
		} else if (procedure.hasPerformedPeriod()) {
			date = procedure.getPerformedPeriod().getStart();
		}
		return ParisDates.localDate(date);
	}
}
