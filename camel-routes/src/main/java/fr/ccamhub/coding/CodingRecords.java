package fr.ccamhub.coding;

import fr.ccamhub.interceptors.ccam.CcamFhir;
import fr.ccamhub.interceptors.copilot.CopilotFhir;
import fr.ccamhub.terminology.fhir.CcamSystems;
import fr.ccamhub.terminology.suggest.Suggestion;
import fr.ccamhub.terminology.suggest.SuggestionResult;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

/** The Tasks and Provenances that trace the copilot's and the coders' decisions. */
final class CodingRecords {

	private CodingRecords() {
	}

	/** A review Task for a coder (or, in shadow mode, the record of what the copilot proposed). */
	static Task reviewTask(Procedure procedure, String note, SuggestionResult result, String reason, CopilotProperties properties,
			boolean shadow) {
		Task task = new Task();
		String version = procedure.getIdElement().toUnqualified().getValue();
		task.addIdentifier(new Identifier().setSystem(CopilotFhir.TASK_IDENTIFIER_SYSTEM).setValue((shadow ? "observe/" : "") + version));
		task.setStatus(shadow ? Task.TaskStatus.COMPLETED : Task.TaskStatus.REQUESTED);
		task.setIntent(Task.TaskIntent.PROPOSAL);
		task.setPriority(Task.TaskPriority.ROUTINE);
		task.setCode(new CodeableConcept(new Coding(CopilotFhir.TASK_SYSTEM, shadow ? CopilotFhir.SHADOW_TASK : CopilotFhir.REVIEW_TASK,
				shadow ? "Suggestion de codage observée (mode ombre)" : "Revue du codage CCAM")));
		task.setDescription((shadow ? "Mode ombre : " : "Revue du codage CCAM : ") + reason);
		task.setBusinessStatus(new CodeableConcept().setText(reason));
		task.setFocus(new Reference("Procedure/" + procedure.getIdElement().getIdPart()));
		if (procedure.hasSubject()) {
			task.setFor(new Reference(procedure.getSubject().getReference()));
		}
		if (procedure.hasEncounter()) {
			task.setEncounter(new Reference(procedure.getEncounter().getReference()));
		}
		task.setAuthoredOn(new Date());
		task.setRequester(CopilotFhir.copilotAgent());
		task.setOwner(new Reference().setIdentifier(new Identifier().setSystem(CopilotFhir.TASK_SYSTEM + "/equipe")
				.setValue(properties.codingTeam())).setDisplay(properties.codingTeamName()));
		task.addInput().setType(inputType(CopilotFhir.INPUT_NOTE)).setValue(new StringType(note));
		task.addInput().setType(inputType(CopilotFhir.INPUT_REASON)).setValue(new StringType(reason));
		for (Suggestion suggestion : result.suggestions()) {
			Task.ParameterComponent input = task.addInput().setType(inputType(CopilotFhir.INPUT_SUGGESTION));
			CodeableConcept value = new CodeableConcept(new Coding(CcamSystems.CCAM, suggestion.code(), suggestion.display()));
			value.setText(suggestion.explanation());
			input.setValue(value);
			input.addExtension(CopilotFhir.CONFIDENCE_EXTENSION, new IntegerType(suggestion.confidence()));
			input.addExtension(CcamFhir.ACTIVITY, new org.hl7.fhir.r4.model.CodeType(String.valueOf(suggestion.activity())));
			for (String modifier : suggestion.modifiers()) {
				input.addExtension(CcamFhir.MODIFIER, new Coding(CcamSystems.CCAM_MODIFIERS, modifier, null));
			}
			for (String warning : suggestion.warnings()) {
				input.addExtension(CopilotFhir.WARNING_EXTENSION, new StringType(warning));
			}
		}
		if (result.question() != null) {
			task.addInput().setType(inputType(CopilotFhir.INPUT_QUESTION)).setValue(new StringType(result.question()));
		}
		return task;
	}

	static CodeableConcept inputType(String code) {
		return new CodeableConcept(new Coding(CopilotFhir.TASK_SYSTEM, code, null));
	}

	/** Provenance of a Procedure version coded by the copilot alone. */
	static Provenance autoCoded(Procedure procedure, String codedVersion, Suggestion suggestion) {
		Provenance provenance = base(codedVersion, CopilotFhir.ACTIVITY_AUTO_CODED, "Codé automatiquement par le copilote");
		provenance.addAgent().setType(participant("assembler", "Assembler")).setWho(CopilotFhir.copilotAgent());
		provenance.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE)
				.setWhat(new Reference(procedure.getIdElement().toUnqualified().getValue()));
		provenance.addExtension(CopilotFhir.CONFIDENCE_EXTENSION, new IntegerType(suggestion.confidence()));
		provenance.addExtension(CopilotFhir.EXPLANATION_EXTENSION, new StringType(suggestion.explanation()));
		return provenance;
	}

	/** Provenance of a coder's decision on a review Task. */
	static Provenance coderDecision(String codedVersion, String taskId, boolean accepted, Reference coder, String justification) {
		Provenance provenance = base(codedVersion, accepted ? CopilotFhir.ACTIVITY_ACCEPTED : CopilotFhir.ACTIVITY_OVERRIDDEN,
				accepted ? "Suggestion du copilote acceptée par un codeur" : "Code corrigé par un codeur");
		provenance.addAgent().setType(participant("author", "Author")).setWho(coder);
		provenance.addAgent().setType(participant("informant", "Informant")).setWho(CopilotFhir.copilotAgent());
		provenance.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE).setWhat(new Reference("Task/" + taskId));
		if (justification != null && !justification.isBlank()) {
			provenance.addReason().setText(justification);
		}
		return provenance;
	}

	private static Provenance base(String target, String activity, String display) {
		Provenance provenance = new Provenance();
		provenance.addTarget(new Reference(target));
		provenance.setRecorded(new Date());
		provenance.setOccurred(new org.hl7.fhir.r4.model.DateTimeType(new Date()));
		provenance.setActivity(new CodeableConcept(new Coding(CopilotFhir.ACTIVITY_SYSTEM, activity, display)));
		return provenance;
	}

	private static CodeableConcept participant(String code, String display) {
		return new CodeableConcept(new Coding(CopilotFhir.PARTICIPANT_TYPE_SYSTEM, code, display));
	}
}
