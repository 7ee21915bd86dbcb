package fr.ccamhub.interceptors.audit.access;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.interceptor.auth.CompartmentSearchParameterModifications;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import ca.uhn.fhir.storage.interceptor.balp.BalpProfileEnum;
import ca.uhn.fhir.util.UrlUtil;
import fr.ccamhub.interceptors.security.AccessPrincipal;
import fr.ccamhub.interceptors.security.RequestPrincipals;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Records every read, vread, search, create, update and delete made through the FHIR API, as HAPI's BALP interceptor
 * does (for a read or a search, one event per patient whose compartment was touched, or one basic event; for a write,
 * one event naming every such patient), but as an {@link AccessRecord}: the facts, not the AuditEvent object. The sink
 * keeps a write's record in the write's transaction, and a read's durably before the response leaves.
 */
@Interceptor
public final class AccessAuditInterceptor {

	static final String UNAUTHENTICATED = "unauthenticated caller";
	private static final String CLIENT_ID_SYSTEM = "urn:ietf:params:oauth:client-id";

	private final AccessRecordSink sink;
	private final Clock clock;

	public AccessAuditInterceptor(AccessRecordSink sink, Clock clock) {
		this.sink = sink;
		this.clock = clock;
	}

	@Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
	public void resourcesShown(IPreResourceShowDetails details, ServletRequestDetails request) {
		RestOperationTypeEnum operation = request == null ? null : request.getRestOperationType();
		if (operation == null) {
			return;
		}
		switch (operation) {
			case READ, VREAD -> read(details, request, operation);
			case SEARCH_TYPE, SEARCH_SYSTEM, GET_PAGE -> search(details, request, operation);
			default -> {
				// Writes are recorded by their precommit hooks; operations audit themselves.
			}
		}
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void created(IBaseResource resource, ServletRequestDetails request) {
		written(resource, request, BalpProfileEnum.BASIC_CREATE, BalpProfileEnum.PATIENT_CREATE);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource, ServletRequestDetails request) {
		written(resource, request, BalpProfileEnum.BASIC_UPDATE, BalpProfileEnum.PATIENT_UPDATE);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
	public void deleted(IBaseResource resource, ServletRequestDetails request) {
		written(resource, request, BalpProfileEnum.BASIC_DELETE, BalpProfileEnum.PATIENT_DELETE);
	}

	private void written(IBaseResource resource, ServletRequestDetails request, BalpProfileEnum basic, BalpProfileEnum patient) {
		if (request == null || request.getRestOperationType() == null) {
			return;
		}
		Set<String> patients = compartmentOwners(List.of(resource), request.getFhirContext());
		sink.record(access(request, request.getRestOperationType(), patients.isEmpty() ? basic : patient,
				resource.getIdElement().toUnqualified().getValue(), List.copyOf(patients), null, null));
	}

	private void read(IPreResourceShowDetails details, ServletRequestDetails request, RestOperationTypeEnum operation) {
		if (details.size() != 1 || details.getResource(0) == null) {
			return;
		}
		IBaseResource resource = details.getResource(0);
		String dataResource = resource.getIdElement().toUnqualified().getValue();
		Set<String> patients = compartmentOwners(List.of(resource), request.getFhirContext());
		for (String patient : patients) {
			sink.record(access(request, operation, BalpProfileEnum.PATIENT_READ, dataResource, List.of(patient), null, null));
		}
		if (patients.isEmpty()) {
			sink.record(access(request, operation, BalpProfileEnum.BASIC_READ, dataResource, List.of(), null, null));
		}
	}

	private void search(IPreResourceShowDetails details, ServletRequestDetails request, RestOperationTypeEnum operation) {
		Set<String> patients = compartmentOwners(details.getAllResources(), request.getFhirContext());
		String query = queryOf(request);
		String description = request.getRequestType().name() + " " + request.getCompleteUrl();
		for (String patient : patients) {
			sink.record(access(request, operation, BalpProfileEnum.PATIENT_QUERY, null, List.of(patient), query, description));
		}
		if (patients.isEmpty()) {
			sink.record(access(request, operation, BalpProfileEnum.BASIC_QUERY, null, List.of(), query, description));
		}
	}

	private AccessRecord access(ServletRequestDetails request, RestOperationTypeEnum operation, BalpProfileEnum profile,
			String dataResource, List<String> patients, String query, String description) {
		Optional<AccessPrincipal> principal = RequestPrincipals.of(request);
		AccessRecord.Who user = principal
				.map(caller -> new AccessRecord.Who(caller.issuer(), caller.subject(), caller.displayName()))
				.orElse(new AccessRecord.Who(null, null, UNAUTHENTICATED));
		AccessRecord.Who client = principal
				.map(caller -> new AccessRecord.Who(CLIENT_ID_SYSTEM, caller.clientId(), caller.clientId()))
				.orElse(new AccessRecord.Who(null, null, UNAUTHENTICATED));
		String interaction = (operation == RestOperationTypeEnum.GET_PAGE ? RestOperationTypeEnum.SEARCH_TYPE : operation).getCode();
		return new AccessRecord(UUID.randomUUID().toString(), clock.instant(), profile, interaction,
				request.getFhirServerBase(), user, client, request.getServletRequest().getRemoteAddr(),
				request.getRequestId(), dataResource, patients, query, description);
	}

	/** The relative ids of the patients whose compartment holds these resources, as BALP finds them. */
	static Set<String> compartmentOwners(List<IBaseResource> resources, FhirContext fhirContext) {
		Set<String> patients = new TreeSet<>();
		for (IBaseResource resource : resources) {
			if (resource == null) {
				continue;
			}
			RuntimeResourceDefinition definition = fhirContext.getResourceDefinition(resource);
			if (definition.getName().equals("Patient")) {
				patients.add(resource.getIdElement().toUnqualified().getValue());
			} else if (!definition.getSearchParamsForCompartmentName("Patient").isEmpty()) {
				fhirContext.newTerser()
						.getCompartmentOwnersForResource("Patient", resource,
								CompartmentSearchParameterModifications.fromAdditionalAndOmittedSPNames(
										definition.getName(), Set.of(), Set.of()))
						.forEach(owner -> patients.add(owner.toUnqualified().getValue()));
			}
		}
		return patients;
	}

	/** The query as BALP writes it: server base, request path, then every parameter value, URL-escaped. */
	private static String queryOf(ServletRequestDetails request) {
		StringBuilder query = new StringBuilder(request.getFhirServerBase()).append('/').append(request.getRequestPath());
		boolean first = true;
		for (Map.Entry<String, String[]> parameter : request.getParameters().entrySet()) {
			for (String value : parameter.getValue()) {
				query.append(first ? '?' : '&')
						.append(UrlUtil.escapeUrlParam(parameter.getKey()))
						.append('=')
						.append(UrlUtil.escapeUrlParam(value));
				first = false;
			}
		}
		return query.toString();
	}
}
