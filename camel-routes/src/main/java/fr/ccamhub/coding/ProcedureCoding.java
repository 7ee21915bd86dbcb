package fr.ccamhub.coding;

import fr.ccamhub.interceptors.ccam.CcamFhir;
import fr.ccamhub.interceptors.copilot.CopilotFhir;
import fr.ccamhub.terminology.fhir.CcamSystems;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Procedure;

/** Puts a CCAM code, its activity and modifiers on a Procedure, keeping its words and other codings. */
final class ProcedureCoding {

	private ProcedureCoding() {
	}

	/**
	 * Adds to a transaction the versioned update (If-Match) that codes the Procedure and sets its
	 * coding-status tag; returns the reference of the version the update will create.
	 */
	static String addCodedUpdate(Bundle transaction, Procedure procedure, String code, String display, int activity,
			List<String> modifiers, String status) {
		String procedureId = procedure.getIdElement().getIdPart();
		String previousVersion = procedure.getIdElement().getVersionIdPart();
		Procedure coded = procedure.copy();
		apply(coded, code, display, activity, modifiers);
		coded.getMeta().getTag().removeIf(tag -> CopilotFhir.STATUS_SYSTEM.equals(tag.getSystem()));
		coded.getMeta().addTag(CopilotFhir.status(status));
		transaction.addEntry().setResource(coded).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Procedure/" + procedureId)
				.setIfMatch("W/\"" + previousVersion + "\"");
		return "Procedure/" + procedureId + "/_history/" + (Long.parseLong(previousVersion) + 1);
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
