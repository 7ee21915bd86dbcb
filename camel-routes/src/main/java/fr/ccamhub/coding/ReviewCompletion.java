package fr.ccamhub.coding;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import fr.ccamhub.interceptors.ledger.LedgerActors;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import fr.ccamhub.interceptors.ccam.CcamFhir;
import fr.ccamhub.interceptors.copilot.CopilotFhir;
import fr.ccamhub.terminology.ccam.CcamAct;
import fr.ccamhub.terminology.rules.BilledAct;
import fr.ccamhub.terminology.rules.CcamRuleEngine;
import fr.ccamhub.terminology.rules.EncounterActs;
import fr.ccamhub.terminology.rules.Finding;
import fr.ccamhub.terminology.rules.PatientFacts;
import fr.ccamhub.terminology.rules.Performer;
import fr.ccamhub.terminology.rules.Severity;
import fr.ccamhub.terminology.suggest.CodingCopilot;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Type;

/**
 * A coder's decision on a review Task: the chosen code (one of the suggestions, or another with a
 * justification) goes on the Procedure, the Task is completed with the decision as output, and a
 * Provenance records who decided what and why, all in one transaction. The decision then feeds the
 * copilot's memory, and completed Tasks replay into it at start-up.
 */
public final class ReviewCompletion {

	private final DaoRegistry daos;
	private final IFhirSystemDao<Bundle, Meta> systemDao;
	private final CcamRuleEngine engine;
	private final CodingCopilot copilot;
	private final AutoCoder autoCoder;

	public ReviewCompletion(DaoRegistry daos, IFhirSystemDao<Bundle, Meta> systemDao, CcamRuleEngine engine, CodingCopilot copilot,
			AutoCoder autoCoder) {
		this.daos = daos;
		this.systemDao = systemDao;
		this.engine = engine;
		this.copilot = copilot;
		this.autoCoder = autoCoder;
	}

	/** The decision a coder sends; {@code justification} is required when the code is not a suggestion. */
	public record Decision(String code, Integer activity, List<String> modifiers, String justification, Reference coder) {
	}

	public Task complete(String taskId, Decision decision) {
		Task task = (Task) tasks().read(new IdType("Task", taskId), new SystemRequestDetails());
		if (!task.getCode().hasCoding(CopilotFhir.TASK_SYSTEM, CopilotFhir.REVIEW_TASK)) {
			throw new InvalidRequestException("Task/" + taskId + " is not a CCAM coding review (Task.code "
					+ CopilotFhir.TASK_SYSTEM + "|" + CopilotFhir.REVIEW_TASK + ").");
		}
		if (task.getStatus() == Task.TaskStatus.COMPLETED || task.getStatus() == Task.TaskStatus.CANCELLED) {
			throw new ResourceVersionConflictException("Task/" + taskId + " is already " + task.getStatus().toCode()
					+ ": its decision cannot be changed; code the Procedure directly if it must be corrected.");
		}
		if (decision.code() == null || decision.code().isBlank()) {
			throw new InvalidRequestException("Parameter 'code' is required: the CCAM code chosen for the act.");
		}
		String code = decision.code().trim().toUpperCase(Locale.ROOT);
		CcamAct act = engine.book().release().act(code).orElseThrow(() -> new UnprocessableEntityException(
				"Parameter 'code': " + code + " is not a code of CCAM " + engine.book().release().version() + "."));
		Optional<Task.ParameterComponent> suggestion = suggestion(task, code);
		boolean accepted = suggestion.isPresent();
		if (!accepted && (decision.justification() == null || decision.justification().isBlank())) {
			throw new UnprocessableEntityException("Parameter 'justification' is required: " + code
					+ " is not one of the copilot's suggestions (" + suggestedCodes(task) + "), so the override must be justified.");
		}
		int activity = decision.activity() != null ? decision.activity() : suggestedActivity(suggestion).orElse(1);
		List<String> modifiers = decision.modifiers() != null ? decision.modifiers() : suggestedModifiers(suggestion);

		Procedure procedure = (Procedure) procedures().read(new IdType(task.getFocus().getReference()).toVersionless(),
				new SystemRequestDetails());
		checkCodeLevelRules(code, activity, modifiers, procedure);
		String procedureId = procedure.getIdElement().getIdPart();
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		String codedVersion = ProcedureCoding.addCodedUpdate(bundle, procedure, code, act.label(), activity, modifiers,
				CopilotFhir.VALIDATED);

		Task done = task.copy();
		done.setStatus(Task.TaskStatus.COMPLETED);
		done.setLastModified(new Date());
		done.setBusinessStatus(new CodeableConcept().setText(accepted ? "suggestion acceptée" : "code corrigé"));
		done.addOutput().setType(CodingRecords.inputType(CopilotFhir.OUTPUT_CODE))
				.setValue(new CodeableConcept(new Coding(fr.ccamhub.terminology.fhir.CcamSystems.CCAM, code, act.label())));
		if (decision.justification() != null && !decision.justification().isBlank()) {
			done.addOutput().setType(CodingRecords.inputType(CopilotFhir.OUTPUT_JUSTIFICATION))
					.setValue(new StringType(decision.justification().strip()));
		}

		bundle.addEntry().setResource(done).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Task/" + taskId)
				.setIfMatch("W/\"" + task.getIdElement().getVersionIdPart() + "\"");
		bundle.addEntry().setResource(CodingRecords.coderDecision(codedVersion, taskId, accepted, decision.coder(),
				decision.justification())).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Provenance");
		// The ledger records the coder, not the server, as the author of the decision's writes.
		String actor = decision.coder().hasIdentifier() ? LedgerActors.of(decision.coder().getIdentifier()) : LedgerActors.SERVER;
		systemDao.transaction(LedgerActors.onBehalfOf(actor), bundle);
		autoCoder.retag((Procedure) procedures().read(new IdType("Procedure", procedureId), new SystemRequestDetails()),
				CopilotFhir.VALIDATED);
		note(task).ifPresent(note -> copilot.learn(note, code));
		return (Task) tasks().read(new IdType("Task", taskId), new SystemRequestDetails());
	}

	/** Feeds every completed review back into the copilot's memory; returns how many decisions. */
	public int replayDecisions() {
		SearchParameterMap search = SearchParameterMap.newSynchronous()
				.add(Task.SP_CODE, new TokenParam(CopilotFhir.TASK_SYSTEM, CopilotFhir.REVIEW_TASK))
				.add(Task.SP_STATUS, new TokenParam(Task.TaskStatus.COMPLETED.toCode()));
		int replayed = 0;
		for (IBaseResource resource : tasks().searchForResources(search, new SystemRequestDetails())) {
			Task task = (Task) resource;
			Optional<String> note = note(task);
			Optional<String> code = task.getOutput().stream()
					.filter(output -> output.getType().hasCoding(CopilotFhir.TASK_SYSTEM, CopilotFhir.OUTPUT_CODE))
					.map(output -> ((CodeableConcept) output.getValue()).getCodingFirstRep().getCode())
					.findFirst();
			if (note.isPresent() && code.isPresent()) {
				copilot.learn(note.get(), code.get());
				replayed++;
			}
		}
		return replayed;
	}

	private void checkCodeLevelRules(String code, int activity, List<String> modifiers, Procedure procedure) {
		BilledAct act = new BilledAct(code, activity, 0, modifiers, null, null, Performer.UNKNOWN);
		List<Finding> errors = engine.check(new EncounterActs(List.of(act), PatientFacts.UNKNOWN)).stream()
				.filter(f -> f.severity() == Severity.ERROR)
				.filter(f -> f.modifier() != null || f.ruleId().startsWith("CCAM-ACTIVITY") || f.ruleId().startsWith("CCAM-CODE"))
				.toList();
		if (!errors.isEmpty()) {
			throw new UnprocessableEntityException("The decision breaks CCAM rules: "
					+ errors.stream().map(f -> f.ruleId() + " " + f.messageFr()).collect(Collectors.joining(" ; ")));
		}
	}

	private static Optional<Task.ParameterComponent> suggestion(Task task, String code) {
		return task.getInput().stream()
				.filter(input -> input.getType().hasCoding(CopilotFhir.TASK_SYSTEM, CopilotFhir.INPUT_SUGGESTION))
				.filter(input -> input.getValue() instanceof CodeableConcept concept && code.equals(concept.getCodingFirstRep().getCode()))
				.findFirst();
	}

	private static String suggestedCodes(Task task) {
		String codes = task.getInput().stream()
				.filter(input -> input.getType().hasCoding(CopilotFhir.TASK_SYSTEM, CopilotFhir.INPUT_SUGGESTION))
				.map(input -> ((CodeableConcept) input.getValue()).getCodingFirstRep().getCode())
				.collect(Collectors.joining(", "));
		return codes.isEmpty() ? "aucune" : codes;
	}

	private static Optional<Integer> suggestedActivity(Optional<Task.ParameterComponent> suggestion) {
		return suggestion.map(input -> input.getExtensionByUrl(CcamFhir.ACTIVITY))
				.map(extension -> Integer.valueOf(extension.getValue().primitiveValue()));
	}

	private static List<String> suggestedModifiers(Optional<Task.ParameterComponent> suggestion) {
		return suggestion.map(input -> input.getExtensionsByUrl(CcamFhir.MODIFIER).stream()
				.map(extension -> ((Coding) extension.getValue()).getCode()).toList()).orElse(List.of());
	}

	private static Optional<String> note(Task task) {
		return task.getInput().stream()
				.filter(input -> input.getType().hasCoding(CopilotFhir.TASK_SYSTEM, CopilotFhir.INPUT_NOTE))
				.map(Task.ParameterComponent::getValue)
				.map(Type::primitiveValue)
				.findFirst();
	}

	@SuppressWarnings("unchecked")
	private IFhirResourceDao<Task> tasks() {
		return daos.getResourceDao(Task.class);
	}

	@SuppressWarnings("unchecked")
	private IFhirResourceDao<Procedure> procedures() {
		return daos.getResourceDao(Procedure.class);
	}
}
