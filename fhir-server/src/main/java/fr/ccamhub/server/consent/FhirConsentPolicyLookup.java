package fr.ccamhub.server.consent;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import fr.ccamhub.interceptors.consent.ConsentPolicy;
import fr.ccamhub.interceptors.consent.ConsentPolicyLookup;
import java.util.EnumSet;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Consent;

/** Reads a patient's active Consent resources from the store (uncached; {@link VersionedConsentPolicyLookup} caches it). */
public class FhirConsentPolicyLookup implements ConsentPolicyLookup {

	private final DaoRegistry daoRegistry;

	public FhirConsentPolicyLookup(DaoRegistry daoRegistry) {
		this.daoRegistry = daoRegistry;
	}

	@Override
	public Set<ConsentPolicy> activePolicies(String patientId) {
		SearchParameterMap search = SearchParameterMap.newSynchronous()
				.add(Consent.SP_PATIENT, new ReferenceParam("Patient/" + patientId))
				.add(Consent.SP_STATUS, new TokenParam("active"));
		Set<ConsentPolicy> policies = EnumSet.noneOf(ConsentPolicy.class);
		for (IBaseResource resource : daoRegistry.getResourceDao(Consent.class)
				.searchForResources(search, new SystemRequestDetails())) {
			Consent consent = (Consent) resource;
			consent.getPolicyRule().getCoding().forEach(coding ->
					ConsentPolicy.fromCode(coding.getSystem(), coding.getCode()).ifPresent(policies::add));
		}
		return policies;
	}
}
