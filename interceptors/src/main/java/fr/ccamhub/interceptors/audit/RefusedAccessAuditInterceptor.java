package fr.ccamhub.interceptors.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import fr.ccamhub.interceptors.security.RequestPrincipals;
import java.util.ArrayList;
import java.util.List;

/** Records an AuditEvent for every FHIR request refused by authorization (403) or authentication (401). */
@Interceptor
public class RefusedAccessAuditInterceptor {

	private final AuditEventRepository repository;

	public RefusedAccessAuditInterceptor(AuditEventRepository repository) {
		this.repository = repository;
	}

	@Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
	public boolean auditRefusal(RequestDetails request, BaseServerResponseException exception) {
		int status = exception.getStatusCode();
		if (status == 401 || status == 403) {
			repository.store(AccessAuditEvents.refusal(
					RequestPrincipals.of(request).orElse(null),
					interaction(request.getRestOperationType()),
					requestLine(request),
					remoteAddress(request),
					status,
					exception.getMessage(),
					patients(request)));
		}
		return true;
	}

	/** {@code GET /fhir/Patient/123?x=y}: method, servlet path and query, as the client sent them. */
	public static String requestLine(RequestDetails request) {
		if (request instanceof ServletRequestDetails servlet && servlet.getServletRequest() != null) {
			String query = servlet.getServletRequest().getQueryString();
			return request.getRequestType() + " " + servlet.getServletRequest().getRequestURI() + (query == null ? "" : "?" + query);
		}
		return request.getRequestType() + " " + request.getCompleteUrl();
	}

	static String interaction(RestOperationTypeEnum operation) {
		return operation == null ? null : operation.getCode();
	}

	public static String remoteAddress(RequestDetails request) {
		return request instanceof ServletRequestDetails servlet && servlet.getServletRequest() != null
				? servlet.getServletRequest().getRemoteAddr()
				: null;
	}

	/** Patients named by the request itself: Patient/{id}, or a patient/subject search parameter. */
	static List<String> patients(RequestDetails request) {
		List<String> patients = new ArrayList<>();
		if ("Patient".equals(request.getResourceName()) && request.getId() != null && request.getId().hasIdPart()) {
			patients.add(request.getId().getIdPart());
		}
		for (String parameter : List.of("patient", "subject", "_id")) {
			String[] values = request.getParameters() == null ? null : request.getParameters().get(parameter);
			if (values == null || ("_id".equals(parameter) && !"Patient".equals(request.getResourceName()))) {
				continue;
			}
			for (String value : values) {
				String id = value.startsWith("Patient/") ? value.substring("Patient/".length()) : value;
				if (!id.isBlank() && !id.contains("/")) {
					patients.add(id);
				}
			}
		}
		return patients.stream().distinct().toList();
	}
}
