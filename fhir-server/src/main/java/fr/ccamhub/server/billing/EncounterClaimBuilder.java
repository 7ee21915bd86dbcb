package fr.ccamhub.server.billing;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import fr.ccamhub.interceptors.ccam.CcamFhir;
import fr.ccamhub.interceptors.ccam.ClaimActs;
import fr.ccamhub.interceptors.ccam.ClaimActsReader;
import fr.ccamhub.interceptors.ccam.PatientFactsLookup;
import fr.ccamhub.terminology.fhir.CcamSystems;
import fr.ccamhub.terminology.pricing.CcamPricer;
import fr.ccamhub.terminology.pricing.EncounterPrice;
import fr.ccamhub.terminology.pricing.PricedAct;
import fr.ccamhub.terminology.rules.CcamRuleEngine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;

/**
 * {@code POST /Encounter/[id]/$build-claim}: a draft Claim with one item per completed, CCAM-coded
 * Procedure of the encounter (activity, phase and modifiers carried over, one care-team member per
 * performer), priced: {@code unitPrice} is the tariff, {@code factor} the association rate,
 * {@code net} the amount, {@code total} their sum. Nothing is stored: the caller reviews the draft,
 * checks it with {@code $ccam-check} and creates it.
 */
public final class EncounterClaimBuilder {

	private final DaoRegistry daoRegistry;
	private final CcamRuleEngine engine;
	private final CcamPricer pricer;
	private final ClaimActsReader reader;
	private final PatientFactsLookup patients;

	public EncounterClaimBuilder(DaoRegistry daoRegistry, CcamRuleEngine engine, CcamPricer pricer, ClaimActsReader reader,
			PatientFactsLookup patients) {
		this.daoRegistry = daoRegistry;
		this.engine = engine;
		this.pricer = pricer;
		this.reader = reader;
		this.patients = patients;
	}

	@Operation(name = "$build-claim", type = Encounter.class, idempotent = false)
	public Claim buildClaim(@IdParam IdType encounterId, RequestDetails request) {
		Encounter encounter = daoRegistry.getResourceDao(Encounter.class).read(encounterId.toUnqualifiedVersionless(), request);
		List<Procedure> procedures = codedProcedures(encounter, request);
		if (procedures.isEmpty()) {
			throw new UnprocessableEntityException("Encounter/" + encounter.getIdElement().getIdPart()
					+ " has no completed Procedure coded in the CCAM: nothing to bill yet.");
		}
		Claim claim = draft(encounter, procedures);
		ClaimActs acts = reader.read(claim);
		EncounterPrice price = pricer.price(engine.input(acts.encounter(patients.facts(claim.getPatient()))));
		for (PricedAct act : price.acts()) {
			Claim.ItemComponent item = claim.getItem().get(acts.itemIndex(act.index()));
			if (act.unitTariff() != null) {
				item.setUnitPrice(new Money().setValue(act.unitTariff()).setCurrency("EUR"));
			}
			item.setFactor(act.association().rate());
			item.setNet(new Money().setValue(act.amount()).setCurrency("EUR"));
			if (act.association().code() != null) {
				item.addExtension(CcamFhir.ASSOCIATION, new CodeType(String.valueOf(act.association().code())));
			}
		}
		claim.setTotal(new Money().setValue(price.total()).setCurrency("EUR"));
		return claim;
	}

	private List<Procedure> codedProcedures(Encounter encounter, RequestDetails request) {
		SearchParameterMap search = SearchParameterMap.newSynchronous()
				.add(Procedure.SP_ENCOUNTER, new ReferenceParam("Encounter/" + encounter.getIdElement().getIdPart()));
		List<Procedure> procedures = new ArrayList<>();
		for (IBaseResource resource : daoRegistry.getResourceDao(Procedure.class).searchForResources(search, request)) {
			Procedure procedure = (Procedure) resource;
			boolean coded = procedure.getCode().getCoding().stream().anyMatch(c -> CcamFhir.isCcam(c.getSystem()) && c.hasCode());
			if (coded && procedure.getStatus() == Procedure.ProcedureStatus.COMPLETED) {
				procedures.add(procedure);
			}
		}
		procedures.sort(Comparator.comparing(p -> p.getIdElement().getIdPartAsLong()));
		return procedures;
	}

	private static Claim draft(Encounter encounter, List<Procedure> procedures) {
		Claim claim = new Claim();
		claim.setStatus(Claim.ClaimStatus.DRAFT);
		claim.setUse(Claim.Use.CLAIM);
		claim.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/claim-type", "professional", "Professional")));
		claim.setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority", "normal", "Normal")));
		claim.setPatient(encounter.getSubject());
		claim.setCreated(new Date());
		if (encounter.hasServiceProvider()) {
			claim.setProvider(encounter.getServiceProvider());
		}
		Map<String, Integer> careTeam = new LinkedHashMap<>();
		for (Procedure procedure : procedures) {
			Claim.ItemComponent item = claim.addItem().setSequence(claim.getItem().size());
			Coding ccam = procedure.getCode().getCoding().stream().filter(c -> CcamFhir.isCcam(c.getSystem())).findFirst().orElseThrow();
			item.setProductOrService(new CodeableConcept(new Coding(CcamSystems.CCAM, ccam.getCode(), ccam.getDisplay())));
			if (procedure.hasPerformedDateTimeType()) {
				item.setServiced(new org.hl7.fhir.r4.model.DateType(procedure.getPerformedDateTimeType().getValue()));
			} else if (procedure.hasPerformedPeriod() && procedure.getPerformedPeriod().hasStart()) {
				item.setServiced(new org.hl7.fhir.r4.model.DateType(procedure.getPerformedPeriod().getStart()));
			}
			for (String url : List.of(CcamFhir.ACTIVITY, CcamFhir.PHASE)) {
				Extension extension = procedure.getExtensionByUrl(url);
				if (extension != null) {
					item.addExtension(url, extension.getValue().copy());
				}
			}
			for (Extension modifier : procedure.getExtensionsByUrl(CcamFhir.MODIFIER)) {
				if (modifier.getValue() instanceof Coding coding) {
					item.addModifier(new CodeableConcept(new Coding(CcamSystems.CCAM_MODIFIERS, coding.getCode(), null)));
				}
			}
			item.addEncounter(new Reference("Encounter/" + encounter.getIdElement().getIdPart()));
			String performer = procedure.getPerformerFirstRep().getActor().getReference();
			if (performer != null) {
				Integer sequence = careTeam.computeIfAbsent(performer, key -> {
					int next = claim.getCareTeam().size() + 1;
					claim.addCareTeam().setSequence(next).setProvider(new Reference(key));
					return next;
				});
				item.addCareTeamSequence(sequence);
			}
			int procedureSequence = claim.getProcedure().size() + 1;
			claim.addProcedure().setSequence(procedureSequence)
					.setProcedure(new Reference("Procedure/" + procedure.getIdElement().getIdPart()));
			item.addProcedureSequence(procedureSequence);
		}
		if (!claim.hasProvider() && claim.hasCareTeam()) {
			claim.setProvider(claim.getCareTeamFirstRep().getProvider());
		}
		return claim;
	}

}
