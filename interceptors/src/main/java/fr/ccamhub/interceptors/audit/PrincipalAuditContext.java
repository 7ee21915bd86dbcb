package fr.ccamhub.interceptors.audit;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditContextServices;
import fr.ccamhub.interceptors.security.RequestPrincipals;
import jakarta.annotation.Nonnull;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
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

	/**
	 * Relative, versioned ({@code Patient/123/_history/2}): the events live on this server, and an
	 * absolute URL built from the request's Host header would be refused as an external reference.
	 */
	@Nonnull
	@Override
	public String massageResourceIdForStorage(
			@Nonnull RequestDetails request, @Nonnull IBaseResource resource, @Nonnull IIdType resourceId) {
		return resourceId.toUnqualified().getValue();
	}
}
