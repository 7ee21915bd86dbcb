package fr.ccamhub.interceptors.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.bulk.BulkExportJobParameters;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.ccamhub.interceptors.audit.AccessAuditEvents;
import fr.ccamhub.interceptors.audit.AuditEventRepository;
import fr.ccamhub.interceptors.audit.RefusedAccessAuditInterceptor;
import fr.ccamhub.interceptors.consent.ConsentPolicy;
import fr.ccamhub.interceptors.consent.ConsentPolicyLookup;
import fr.ccamhub.interceptors.consent.PatientCompartments;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Bulk export ({@code $export}) on our security model: a job exports only the types the caller may
 * read (all of them when {@code _type} is absent), each export is audited, and the patients' consent is
 * applied to every exported resource as it would be to a read: partners never get the data of patients
 * who opposed sharing, research never gets those who opposed research, and restricted records are
 * never exported (break-the-glass is for a clinician at a screen, not a batch).
 */
@Interceptor
public final class BulkExportAccess {

	static final String CONSENT_RULES = "ccamhub.consent-rules";
	private static final String RESEARCH_PURPOSE = "HRESCH";

	private final FhirContext fhirContext;
	private final AccessPolicy policy;
	private final ConsentPolicyLookup consents;
	private final AuditEventRepository audit;
	/** Consents are read when each resource is written to the file; a few seconds of memo bound the queries. */
	private final Cache<String, Set<ConsentPolicy>> recentConsents =
			Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofSeconds(5)).build();

	public BulkExportAccess(FhirContext fhirContext, AccessPolicy policy, ConsentPolicyLookup consents, AuditEventRepository audit) {
		this.fhirContext = fhirContext;
		this.policy = policy;
		this.consents = consents;
		this.audit = audit;
	}

	@Hook(Pointcut.STORAGE_INITIATE_BULK_EXPORT)
	public void confineToGrants(BulkExportJobParameters job, RequestDetails request) {
		Optional<AccessPrincipal> caller = RequestPrincipals.of(request);
		if (caller.isEmpty()) {
			return;
		}
		AccessPrincipal principal = caller.get();
		List<ResourceGrant> grants = policy.grants(principal, List.of());
		if (grants.stream().anyMatch(ResourceGrant::confined)) {
			throw new ForbiddenOperationException(new AccessRefusal(principal.roles(), null, "$export", null).message()
					+ " A bulk export needs system/ or user/ scopes: patient/ scopes are confined to one patient.");
		}
		Set<String> readable = new LinkedHashSet<>();
		for (ResourceGrant grant : grants) {
			if (grant.allows(Permission.READ) && grant.allows(Permission.SEARCH)) {
				readable.add(grant.resourceType());
			}
		}
		boolean patientStyle = job.getExportStyle() != BulkExportJobParameters.ExportStyle.SYSTEM;
		List<String> types = new ArrayList<>();
		if (job.getResourceTypes() == null || job.getResourceTypes().isEmpty()) {
			for (String type : readable) {
				if (!patientStyle || inPatientCompartment(type)) {
					types.add(type);
				}
			}
		} else {
			for (String type : job.getResourceTypes()) {
				if (!readable.contains(type)) {
					throw new ForbiddenOperationException(new AccessRefusal(principal.roles(), type, "$export", "_type").message(),
							new AccessRefusal(principal.roles(), type, "$export", "_type").toOperationOutcome());
				}
				types.add(type);
			}
		}
		if (types.isEmpty()) {
			throw new ForbiddenOperationException(new AccessRefusal(principal.roles(), null, "$export", null).message());
		}
		job.setResourceTypes(types);
		job.setUserData(CONSENT_RULES, consentRules(principal));
		audit.store(AccessAuditEvents.bulkExport(principal, RefusedAccessAuditInterceptor.requestLine(request),
				RefusedAccessAuditInterceptor.remoteAddress(request), types,
				job.getPatientIds() == null ? List.of() : job.getPatientIds().stream()
						.map(id -> id.startsWith("Patient/") ? id.substring("Patient/".length()) : id).toList()));
	}

	@Hook(Pointcut.STORAGE_BULK_EXPORT_RESOURCE_INCLUSION)
	public boolean respectConsent(BulkExportJobParameters job, IBaseResource resource) {
		Object rules = job.getUserData() == null ? null : job.getUserData().get(CONSENT_RULES);
		if (rules == null) {
			// A job started before this interceptor, or internally: the strictest rules apply.
			rules = "partner,research";
		}
		String applied = rules.toString();
		for (String patientId : patientsOf(resource)) {
			Set<ConsentPolicy> inForce = recentConsents.get(patientId, consents::activePolicies);
			if (inForce.contains(ConsentPolicy.RESTRICTED_ACCESS) && !applied.contains("auditor")) {
				return false;
			}
			if (applied.contains("partner") && inForce.contains(ConsentPolicy.OPPOSITION_SHARING)) {
				return false;
			}
			if (applied.contains("research") && inForce.contains(ConsentPolicy.OPPOSITION_RESEARCH)) {
				return false;
			}
		}
		return true;
	}

	/** Which consent rules the job carries, as a plain string (job parameters are stored as JSON). */
	static String consentRules(AccessPrincipal principal) {
		Set<String> rules = new LinkedHashSet<>();
		if (principal.has(Role.PARTNER)) {
			rules.add("partner");
		}
		if (principal.purposesOfUse().contains(RESEARCH_PURPOSE)) {
			rules.add("research");
		}
		if (principal.roles().equals(EnumSet.of(Role.AUDITOR))) {
			rules.add("auditor");
		}
		rules.add("restricted");
		return String.join(",", rules);
	}

	private boolean inPatientCompartment(String type) {
		return "Patient".equals(type)
				|| !fhirContext.getResourceDefinition(type).getSearchParamsForCompartmentName("Patient").isEmpty();
	}

	private List<String> patientsOf(IBaseResource resource) {
		return PatientCompartments.ownersOf(fhirContext, resource);
	}
}
