package fr.ccamhub.interceptors.copilot;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import fr.ccamhub.interceptors.ccam.ParisDates;
import fr.ccamhub.interceptors.ccam.PatientFactsLookup;
import fr.ccamhub.terminology.rules.BilledAct;
import fr.ccamhub.terminology.rules.PatientFacts;
import fr.ccamhub.terminology.suggest.CodingCopilot;
import fr.ccamhub.terminology.suggest.SuggestionRequest;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * {@code POST /$suggest-ccam}: up to three CCAM codes for a clinical note, with confidence,
 * explanation and rule warnings, and a question when the note is ambiguous. The optional patient
 * (sex, age) and encounter (acts already coded) sharpen the checks. Nothing is stored.
 */
public final class SuggestCcamOperation {

	/** Longer notes are operative reports, not acts: ask for the sentence that describes the act. */
	static final int MAX_TEXT_LENGTH = 4000;

	private final CodingCopilot copilot;
	private final PatientFactsLookup patients;
	private final EncounterActsLookup encounters;

	public SuggestCcamOperation(CodingCopilot copilot, PatientFactsLookup patients, EncounterActsLookup encounters) {
		this.copilot = copilot;
		this.patients = patients;
		this.encounters = encounters;
	}

	@Operation(name = "$suggest-ccam", idempotent = false)
	public Parameters suggest(
			@OperationParam(name = "text", min = 1, max = 1) StringType text,
			@OperationParam(name = "patient", max = 1) Reference patient,
			@OperationParam(name = "encounter", max = 1) Reference encounter,
			@OperationParam(name = "date", max = 1) DateType date) {
		if (text == null || text.isEmpty() || text.getValue().isBlank()) {
			throw new InvalidRequestException("Parameter 'text' is required: the clinical note describing the act.");
		}
		if (text.getValue().length() > MAX_TEXT_LENGTH) {
			throw new InvalidRequestException("Parameter 'text' is " + text.getValue().length() + " characters long; send the sentence"
					+ " that describes the act (at most " + MAX_TEXT_LENGTH + " characters).");
		}
		PatientFacts facts = patient == null || !patient.hasReference() ? PatientFacts.UNKNOWN : patients.facts(patient);
		List<BilledAct> acts = encounter == null || !encounter.hasReference() ? List.of() : encounters.codedActs(encounter, null);
		LocalDate day = date == null || date.isEmpty() ? null : ParisDates.localDate(date.getValue());
		return SuggestionParameters.of(copilot.suggest(new SuggestionRequest(text.getValue(), facts, day, acts)));
	}
}
