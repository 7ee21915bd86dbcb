package fr.ccamhub.interceptors.consent;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import fr.ccamhub.interceptors.security.AccessPrincipal;
import fr.ccamhub.interceptors.security.RequestPrincipals;
import fr.ccamhub.interceptors.security.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Enforces patients' choices on everything a caller is about to see (reads, searches,
 * {@code $everything}, includes):
 * <ul>
 *   <li>partners never see data of a patient who opposed sharing with the DMP / Mon espace santé;
 *   <li>a request made for research (purpose of use {@code HRESCH}) never sees data of a patient
 *       who opposed research;
 *   <li>a restricted record is hidden unless a clinician breaks the glass, which is then flagged.
 * </ul>
 * Auditors are not filtered: the audit trail of a restricted patient must stay reviewable.
 */
public class PatientConsentService implements IConsentService {

	private static final String RESEARCH_PURPOSE = "HRESCH";
	private static final String MEMO = PatientConsentService.class.getName() + ".memo";
	private static final String UNLOCKED = PatientConsentService.class.getName() + ".unlocked";

	private final FhirContext fhirContext;
	private final ConsentPolicyLookup policies;

	public PatientConsentService(FhirContext fhirContext, ConsentPolicyLookup policies) {
		this.fhirContext = fhirContext;
		this.policies = policies;
	}

	@Override
	public ConsentOutcome canSeeResource(
			RequestDetails request, IBaseResource resource, IConsentContextServices contextServices) {
		Optional<AccessPrincipal> caller = RequestPrincipals.of(request);
		if (caller.isEmpty() || caller.get().has(Role.AUDITOR)) {
			return ConsentOutcome.PROCEED;
		}
		AccessPrincipal principal = caller.get();
		for (String patientId : patientsOf(resource)) {
			Set<ConsentPolicy> inForce = policiesOf(request, patientId);
			if (principal.has(Role.PARTNER) && inForce.contains(ConsentPolicy.OPPOSITION_SHARING)) {
				return ConsentOutcome.REJECT;
			}
			if (principal.purposesOfUse().contains(RESEARCH_PURPOSE) && inForce.contains(ConsentPolicy.OPPOSITION_RESEARCH)) {
				return ConsentOutcome.REJECT;
			}
			if (inForce.contains(ConsentPolicy.RESTRICTED_ACCESS)) {
				if (BreakTheGlass.asserted(request, principal).isEmpty()) {
					return ConsentOutcome.REJECT;
				}
				request.getUserData().put(BreakTheGlass.USED, Boolean.TRUE);
				unlocked(request).add(patientId);
			}
		}
		return ConsentOutcome.PROCEED;
	}

	/**
	 * Nothing is hidden or masked once {@link #canSeeResource} let it through, so the response is not walked again:
	 * with PROCEED, HAPI's consent interceptor would visit every element of every response looking for nested
	 * resources to ask about (a sixth of a read's time), only to be told PROCEED each time.
	 */
	@Override
	public ConsentOutcome willSeeResource(
			RequestDetails request, IBaseResource resource, IConsentContextServices contextServices) {
		return ConsentOutcome.AUTHORIZED;
	}

	private List<String> patientsOf(IBaseResource resource) {
		return PatientCompartments.ownersOf(fhirContext, resource);
	}

	/** Restricted patients that break-the-glass opened during this request. */
	public static Set<String> unlockedPatients(RequestDetails request) {
		return Set.copyOf(unlocked(request));
	}

	@SuppressWarnings("unchecked")
	private static Set<String> unlocked(RequestDetails request) {
		return (Set<String>) request.getUserData().computeIfAbsent(UNLOCKED, key -> new java.util.LinkedHashSet<String>());
	}

	@SuppressWarnings("unchecked")
	private Set<ConsentPolicy> policiesOf(RequestDetails request, String patientId) {
		Map<String, Set<ConsentPolicy>> memo =
				(Map<String, Set<ConsentPolicy>>) request.getUserData().computeIfAbsent(MEMO, key -> new HashMap<>());
		return memo.computeIfAbsent(patientId, policies::activePolicies);
	}
}
