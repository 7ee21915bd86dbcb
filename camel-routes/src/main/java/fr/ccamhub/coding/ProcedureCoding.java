package fr.ccamhub.coding;

import fr.ccamhub.interceptors.ccam.CcamFhir;
import fr.ccamhub.terminology.fhir.CcamSystems;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Procedure;

/** Puts a CCAM code, its activity and modifiers on a Procedure, keeping its words and other codings. */
final class ProcedureCoding {

	private ProcedureCoding() {
	}

	static void apply(Procedure procedure, String code, String display, int activity, List<String> modifiers) {
		procedure.getCode().getCoding().removeIf(coding -> CcamFhir.isCcam(coding.getSystem()));
		procedure.getCode().addCoding(new Coding(CcamSystems.CCAM, code, display));
		procedure.getExtension().removeIf(extension -> extension.getUrl().equals(CcamFhir.ACTIVITY)
				|| extension.getUrl().equals(CcamFhir.MODIFIER));
		procedure.addExtension(CcamFhir.ACTIVITY, new CodeType(String.valueOf(activity)));
		for (String modifier : modifiers) {
			procedure.addExtension(CcamFhir.MODIFIER, new Coding(CcamSystems.CCAM_MODIFIERS, modifier, null));
		}
	}
}
