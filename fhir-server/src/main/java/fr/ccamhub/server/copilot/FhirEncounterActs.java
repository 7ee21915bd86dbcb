package fr.ccamhub.server.copilot;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import fr.ccamhub.interceptors.ccam.ProcedureActReader;
import fr.ccamhub.interceptors.copilot.EncounterActsLookup;
import fr.ccamhub.terminology.rules.BilledAct;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;

/** The CCAM-coded Procedures of an encounter, read from the store. */
public class FhirEncounterActs implements EncounterActsLookup {

	private final DaoRegistry daoRegistry;

	public FhirEncounterActs(DaoRegistry daoRegistry) {
		this.daoRegistry = daoRegistry;
	}

	@Override
	public List<BilledAct> codedActs(Reference encounter, String excludedProcedureId) {
		if (encounter == null || !encounter.hasReference()) {
			return List.of();
		}
		String encounterId = new IdType(encounter.getReference()).getIdPart();
		SearchParameterMap search = SearchParameterMap.newSynchronous()
				.add(Procedure.SP_ENCOUNTER, new ReferenceParam("Encounter/" + encounterId));
		List<BilledAct> acts = new ArrayList<>();
		for (IBaseResource resource : daoRegistry.getResourceDao(Procedure.class).searchForResources(search, new SystemRequestDetails())) {
			Procedure procedure = (Procedure) resource;
			if (procedure.getIdElement().getIdPart().equals(excludedProcedureId)
					|| procedure.getStatus() == Procedure.ProcedureStatus.ENTEREDINERROR) {
				continue;
			}
			ProcedureActReader.read(procedure).ifPresent(acts::add);
		}
		return acts;
	}
}
