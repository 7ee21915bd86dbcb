package fr.ccamhub.interceptors.copilot;

import fr.ccamhub.terminology.fhir.CcamSystems;
import fr.ccamhub.terminology.suggest.CcamSuggester;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/** How the coding copilot's work shows in FHIR: tags, Task and Provenance codes, extensions. */
public final class CopilotFhir {

	private static final String BASE = CcamSystems.CCAMHUB_CANONICAL_BASE;

	/** Tag system of a Procedure's coding status. */
	public static final String STATUS_SYSTEM = BASE + "/CodeSystem/statut-codage";
	/** Stored with words and no CCAM code: the copilot will code it. */
	public static final String PENDING = "a-coder";
	/** Coded by the copilot without a human. */
	public static final String AUTO_CODED = "code-automatiquement";
	/** Waiting for a coder in a review Task. */
	public static final String IN_REVIEW = "en-revue";
	/** Coded by a coder (suggestion accepted or overridden). */
	public static final String VALIDATED = "code-valide";
	/** Shadow mode: suggestions recorded, the Procedure left as it was. */
	public static final String OBSERVED = "observe";

	/** Task.code of a coding review, and codes of its inputs and outputs. */
	public static final String TASK_SYSTEM = BASE + "/CodeSystem/tache-codage";
	public static final String REVIEW_TASK = "revue-codage";
	public static final String SHADOW_TASK = "suggestion-observee";
	public static final String INPUT_NOTE = "note";
	public static final String INPUT_SUGGESTION = "suggestion";
	public static final String INPUT_QUESTION = "question";
	public static final String INPUT_REASON = "motif-revue";
	public static final String OUTPUT_CODE = "code-retenu";
	public static final String OUTPUT_JUSTIFICATION = "justification";
	/** Identifier system of review Tasks: one per Procedure version, so a retry never creates two. */
	public static final String TASK_IDENTIFIER_SYSTEM = BASE + "/NamingSystem/revue-codage";

	/** Provenance.activity codes of coding decisions. */
	public static final String ACTIVITY_SYSTEM = BASE + "/CodeSystem/activite-codage";
	public static final String ACTIVITY_AUTO_CODED = "code-automatiquement";
	public static final String ACTIVITY_ACCEPTED = "suggestion-acceptee";
	public static final String ACTIVITY_OVERRIDDEN = "code-corrige";
	public static final String ACTIVITY_SHADOW = "suggestion-observee";

	/** Extensions on a suggestion (Task.input, Parameters are plain parts). */
	public static final String CONFIDENCE_EXTENSION = BASE + "/StructureDefinition/copilote-confiance";
	public static final String EXPLANATION_EXTENSION = BASE + "/StructureDefinition/copilote-explication";
	public static final String WARNING_EXTENSION = BASE + "/StructureDefinition/copilote-avertissement";

	/** Identifier system of the copilot as a Provenance agent. */
	public static final String COPILOT_SYSTEM = BASE + "/NamingSystem/copilote";
	public static final String PARTICIPANT_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

	private CopilotFhir() {
	}

	public static Coding status(String code) {
		return new Coding(STATUS_SYSTEM, code, null);
	}

	/** The copilot as an agent: an identifier with its version, no stored Device to depend on. */
	public static Reference copilotAgent() {
		return new Reference().setIdentifier(new Identifier().setSystem(COPILOT_SYSTEM).setValue(CcamSuggester.engineVersion()))
				.setDisplay("Copilote de codage CCAM " + CcamSuggester.engineVersion());
	}
}
