package fr.ccamhub.interceptors.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import fr.ccamhub.interceptors.consent.BreakTheGlass;
import fr.ccamhub.interceptors.consent.PatientConsentService;
import fr.ccamhub.interceptors.security.AccessPrincipal;
import fr.ccamhub.interceptors.security.RequestPrincipals;
import java.util.Optional;

/**
 * When break-the-glass opened a restricted record during a request, records a dedicated
 * AuditEvent (purpose of event BTG, the clinician's reason, the patients concerned), in addition
 * to the ordinary BALP events of that request.
 */
@Interceptor
public class BreakTheGlassAuditInterceptor {

	private final AuditEventRepository repository;

	public BreakTheGlassAuditInterceptor(AuditEventRepository repository) {
		this.repository = repository;
	}

	/** Before the response goes out, so the record exists by the time the caller has the data. */
	@Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
	public boolean auditBreakTheGlass(RequestDetails request) {
		if (!BreakTheGlass.wasUsed(request)) {
			return true;
		}
		Optional<AccessPrincipal> principal = RequestPrincipals.of(request);
		if (principal.isEmpty()) {
			return true;
		}
		String reason = BreakTheGlass.asserted(request, principal.get()).orElse("unspecified");
		repository.store(AccessAuditEvents.breakTheGlass(
				principal.get(),
				RefusedAccessAuditInterceptor.requestLine(request),
				RefusedAccessAuditInterceptor.remoteAddress(request),
				reason,
				PatientConsentService.unlockedPatients(request)));
		return true;
	}
}
