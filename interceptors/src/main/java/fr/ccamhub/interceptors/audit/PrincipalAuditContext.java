package fr.ccamhub.interceptors.audit;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditContextServices;
import fr.ccamhub.interceptors.security.RequestPrincipals;
import jakarta.annotation.Nonnull;
import org.hl7.fhir.r4.model.Reference;

/** Tells HAPI's BALP interceptor who the user and the client application of a request are. */
public class PrincipalAuditContext implements IBalpAuditContextServices {

	@Nonnull
	@Override
	public Reference getAgentClientWho(RequestDetails request) {
		return RequestPrincipals.of(request).map(AuditAgents::client).orElseGet(AuditAgents::unknown);
	}

	@Nonnull
	@Override
	public Reference getAgentUserWho(RequestDetails request) {
		return RequestPrincipals.of(request).map(AuditAgents::user).orElseGet(AuditAgents::unknown);
	}
}
