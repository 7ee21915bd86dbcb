package fr.ccamhub.server.security;

import ca.uhn.fhir.context.FhirContext;
import fr.ccamhub.interceptors.audit.AccessAuditEvents;
import fr.ccamhub.interceptors.audit.AuditEventRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request without a valid token: 401 with the standard {@code WWW-Authenticate: Bearer}
 * challenge, a FHIR OperationOutcome saying why, and an AuditEvent recording the refused attempt.
 */
final class AuditingAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private static final Logger log = LoggerFactory.getLogger(AuditingAuthenticationEntryPoint.class);

	private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
	private final FhirContext fhirContext;
	private final ObjectProvider<AuditEventRepository> auditEvents;

	AuditingAuthenticationEntryPoint(FhirContext fhirContext, ObjectProvider<AuditEventRepository> auditEvents) {
		this.fhirContext = fhirContext;
		this.auditEvents = auditEvents;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		challenge.commence(request, response, failure);
		String reason = failure.getMessage() == null ? "authentication required" : failure.getMessage();
		String requestLine = request.getMethod() + " " + request.getRequestURI();
		try {
			auditEvents.getObject().store(AccessAuditEvents.refusal(null, null, requestLine, request.getRemoteAddr(), 401, reason, List.of()));
		} catch (RuntimeException e) {
			log.error("Could not record the AuditEvent of a refused request ({})", requestLine, e);
		}
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue()
				.setSeverity(OperationOutcome.IssueSeverity.ERROR)
				.setCode(OperationOutcome.IssueType.LOGIN)
				.setDiagnostics("Authentication required: " + reason);
		response.setContentType("application/fhir+json;charset=UTF-8");
		response.getWriter().write(fhirContext.newJsonParser().encodeResourceToString(outcome));
	}
}
