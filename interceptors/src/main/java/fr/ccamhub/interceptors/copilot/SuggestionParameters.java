package fr.ccamhub.interceptors.copilot;

import fr.ccamhub.terminology.fhir.CcamSystems;
import fr.ccamhub.terminology.suggest.Suggestion;
import fr.ccamhub.terminology.suggest.SuggestionResult;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;

/**
 * The answer of {@code $suggest-ccam}: one {@code suggestion} part per code (code as a CCAM Coding,
 * display, activity, modifier*, confidence, explanation, warning*), then {@code question} when the
 * note cannot tell the best codes apart, and the engine that answered.
 */
public final class SuggestionParameters {

	private SuggestionParameters() {
	}

	public static Parameters of(SuggestionResult result) {
		Parameters parameters = new Parameters();
		for (Suggestion suggestion : result.suggestions()) {
			Parameters.ParametersParameterComponent part = parameters.addParameter().setName("suggestion");
			part.addPart().setName("code").setValue(new Coding(CcamSystems.CCAM, suggestion.code(), suggestion.display()));
			part.addPart().setName("display").setValue(new StringType(suggestion.display()));
			part.addPart().setName("activity").setValue(new IntegerType(suggestion.activity()));
			for (String modifier : suggestion.modifiers()) {
				part.addPart().setName("modifier").setValue(new Coding(CcamSystems.CCAM_MODIFIERS, modifier, null));
			}
			part.addPart().setName("confidence").setValue(new IntegerType(suggestion.confidence()));
			part.addPart().setName("explanation").setValue(new StringType(suggestion.explanation()));
			for (String warning : suggestion.warnings()) {
				part.addPart().setName("warning").setValue(new StringType(warning));
			}
		}
		if (result.question() != null) {
			parameters.addParameter().setName("question").setValue(new StringType(result.question()));
		}
		parameters.addParameter().setName("engine").setValue(new StringType(result.engine()));
		return parameters;
	}
}
