package fr.ccamhub.interceptors.copilot;

import fr.ccamhub.terminology.rules.BilledAct;
import java.util.List;
import org.hl7.fhir.r4.model.Reference;

/** The CCAM acts already coded for an encounter, to check a suggestion against them. */
public interface EncounterActsLookup {

	/** Coded acts of the encounter, optionally leaving out one Procedure (the one being coded). */
	List<BilledAct> codedActs(Reference encounter, String excludedProcedureId);
}
