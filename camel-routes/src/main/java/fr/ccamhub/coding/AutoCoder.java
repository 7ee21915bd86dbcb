package fr.ccamhub.coding;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import fr.ccamhub.interceptors.ledger.LedgerActors;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import fr.ccamhub.interceptors.ccam.ParisDates;
import fr.ccamhub.interceptors.ccam.PatientFactsLookup;
import fr.ccamhub.interceptors.copilot.CopilotFhir;
import fr.ccamhub.interceptors.copilot.EncounterActsLookup;
import fr.ccamhub.interceptors.copilot.ProcedureNotes;
import fr.ccamhub.terminology.rules.BilledAct;
import fr.ccamhub.terminology.rules.PatientFacts;
import fr.ccamhub.terminology.suggest.CodingCopilot;
import fr.ccamhub.terminology.suggest.Suggestion;
import fr.ccamhub.terminology.suggest.SuggestionRequest;
import fr.ccamhub.terminology.suggest.SuggestionResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Codes the Procedures tagged {@code a-coder}: suggestion, rule check, then either the Procedure is
 * coded (confidence at or above the threshold, no rule error) with a Provenance naming the copilot,
 * or a review Task goes to the coding team. In shadow mode only a record of the suggestions is kept.
 * Each step is idempotent (versioned update, Task identified by Procedure version), so a retry or
 * a crash between steps never codes twice nor opens two Tasks.
 */
public final class AutoCoder {

	private static final Logger log = LoggerFactory.getLogger(AutoCoder.class);

	private final DaoRegistry daos;
	private final IFhirSystemDao<Bundle, Meta> systemDao;
	private final CodingCopilot copilot;
	private final PatientFactsLookup patients;
	private final EncounterActsLookup encounters;
	private final CopilotProperties properties;

	public AutoCoder(DaoRegistry daos, IFhirSystemDao<Bundle, Meta> systemDao, CodingCopilot copilot, PatientFactsLookup patients,
			EncounterActsLookup encounters, CopilotProperties properties) {
		this.daos = daos;
		this.systemDao = systemDao;
		this.copilot = copilot;
		this.patients = patients;
		this.encounters = encounters;
		this.properties = properties;
	}

	/** Ids of Procedures waiting for the copilot, oldest first. */
	public List<String> pending() {
		SearchParameterMap search = SearchParameterMap.newSynchronous()
				.add("_tag", new TokenParam(CopilotFhir.STATUS_SYSTEM, CopilotFhir.PENDING));
		search.setCount(properties.batchSize());
		search.setLoadSynchronousUpTo(properties.batchSize());
		List<String> ids = new ArrayList<>();
		for (IBaseResource resource : procedures().searchForResources(search, new SystemRequestDetails())) {
			ids.add(resource.getIdElement().getIdPart());
		}
		return ids;
	}

	/** Runs the pipeline on one Procedure; what it did, for logs and tests. */
	public Outcome code(String procedureId) {
		SystemRequestDetails request = new SystemRequestDetails();
		Procedure procedure;
		try {
			procedure = (Procedure) procedures().read(new IdType("Procedure", procedureId), request);
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			return Outcome.GONE;
		}
		if (!hasTag(procedure, CopilotFhir.PENDING)) {
			return Outcome.NOTHING_TO_DO;
		}
		if (!ProcedureNotes.awaitsCoding(procedure)) {
			retag(procedure, null);
			return Outcome.NOTHING_TO_DO;
		}
		String note = ProcedureNotes.text(procedure);
		PatientFacts facts = procedure.hasSubject() ? patients.facts(procedure.getSubject()) : PatientFacts.UNKNOWN;
		List<BilledAct> others = procedure.hasEncounter()
				? encounters.codedActs(procedure.getEncounter(), procedureId) : List.of();
		SuggestionResult result = copilot.suggest(new SuggestionRequest(note, facts, performed(procedure), others));
		Optional<Suggestion> best = result.best();
		String reason = reviewReason(result);
		if (properties.shadow()) {
			transaction(entryCreatingTask(CodingRecords.reviewTask(procedure, note, result,
					reason == null ? "aurait été codé automatiquement" : reason, properties, true)));
			retag(procedure, CopilotFhir.OBSERVED);
			return Outcome.OBSERVED;
		}
		if (reason == null) {
			Suggestion suggestion = best.orElseThrow();
			Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
			String codedVersion = ProcedureCoding.addCodedUpdate(bundle, procedure, suggestion.code(), suggestion.display(),
					suggestion.activity(), suggestion.modifiers(), CopilotFhir.AUTO_CODED);
			bundle.addEntry().setResource(CodingRecords.autoCoded(procedure, codedVersion, suggestion))
					.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Provenance");
			transaction(bundle);
			retag(readCurrent(procedureId), CopilotFhir.AUTO_CODED);
			log.info("Procedure/{} coded {} by the copilot (confidence {})", procedureId, suggestion.code(), suggestion.confidence());
			return Outcome.AUTO_CODED;
		}
		transaction(entryCreatingTask(CodingRecords.reviewTask(procedure, note, result, reason, properties, false)));
		retag(procedure, CopilotFhir.IN_REVIEW);
		log.info("Procedure/{} sent to review: {}", procedureId, reason);
		return Outcome.IN_REVIEW;
	}

	/** Why a human must look, or null when the best suggestion may code the act alone. */
	private String reviewReason(SuggestionResult result) {
		Optional<Suggestion> best = result.best();
		if (best.isEmpty()) {
			return "aucun code CCAM ne correspond à la note";
		}
		if (best.get().ruleErrors()) {
			return "le code proposé enfreint une règle CCAM : " + String.join(" ; ", best.get().warnings());
		}
		if (best.get().confidence() < properties.autoAcceptThreshold()) {
			return "confiance " + best.get().confidence() + "/100 sous le seuil de codage automatique ("
					+ properties.autoAcceptThreshold() + ")" + (result.question() == null ? "" : " ; " + result.question());
		}
		return null;
	}

	private Bundle entryCreatingTask(Task task) {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		bundle.addEntry().setResource(task).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Task")
				.setIfNoneExist("identifier=" + CopilotFhir.TASK_IDENTIFIER_SYSTEM + "|" + task.getIdentifierFirstRep().getValue());
		return bundle;
	}

	/** The copilot's writes: the ledger names the copilot (and its engine version) as their actor. */
	private void transaction(Bundle bundle) {
		systemDao.transaction(LedgerActors.onBehalfOf(LedgerActors.of(CopilotFhir.copilotAgent().getIdentifier())), bundle);
	}

	private Procedure readCurrent(String procedureId) {
		return (Procedure) procedures().read(new IdType("Procedure", procedureId), new SystemRequestDetails());
	}

	/**
	 * Replaces the coding-status tag with {@code status} (none when null) through the meta operations,
	 * which change no clinical content and create no new version of the Procedure.
	 */
	void retag(Procedure procedure, String status) {
		IdType id = new IdType("Procedure", procedure.getIdElement().getIdPart());
		Meta remove = new Meta();
		procedure.getMeta().getTag().stream()
				.filter(tag -> CopilotFhir.STATUS_SYSTEM.equals(tag.getSystem()) && !tag.getCode().equals(status))
				.forEach(tag -> remove.addTag(tag.getSystem(), tag.getCode(), null));
		if (!remove.getTag().isEmpty()) {
			procedures().metaDeleteOperation(id, remove, new SystemRequestDetails());
		}
		if (status != null && !hasTag(procedure, status)) {
			procedures().metaAddOperation(id, new Meta().addTag(CopilotFhir.status(status)), new SystemRequestDetails());
		}
	}

	private static boolean hasTag(Procedure procedure, String code) {
		return procedure.getMeta().getTag().stream()
				.anyMatch(tag -> CopilotFhir.STATUS_SYSTEM.equals(tag.getSystem()) && code.equals(tag.getCode()));
	}

	private static LocalDate performed(Procedure procedure) {
		if (procedure.hasPerformedDateTimeType()) {
			return ParisDates.localDate(procedure.getPerformedDateTimeType().getValue());
		}
		if (procedure.hasPerformedPeriod() && procedure.getPerformedPeriod().hasStart()) {
			return ParisDates.localDate(procedure.getPerformedPeriod().getStart());
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private IFhirResourceDao<Procedure> procedures() {
		return daos.getResourceDao(Procedure.class);
	}

	/** What the pipeline did with a Procedure. */
	public enum Outcome {
		AUTO_CODED,
		IN_REVIEW,
		OBSERVED,
		NOTHING_TO_DO,
		GONE
	}
}
