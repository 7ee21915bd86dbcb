package fr.ccamhub.interceptors.audit;

import fr.ccamhub.interceptors.security.AccessPrincipal;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/** How a caller is named in AuditEvents: by its token issuer and subject, and its OAuth client. */
final class AuditAgents {

	static final String CLIENT_ID_SYSTEM = "urn:ietf:params:oauth:client-id";

	private AuditAgents() {}

	static Reference user(AccessPrincipal principal) {
		return new Reference()
				.setIdentifier(new Identifier().setSystem(principal.issuer()).setValue(principal.subject()))
				.setDisplay(principal.displayName());
	}

	static Reference client(AccessPrincipal principal) {
		return new Reference()
				.setIdentifier(new Identifier().setSystem(CLIENT_ID_SYSTEM).setValue(principal.clientId()))
				.setDisplay(principal.clientId());
	}

	static Reference unknown() {
		return new Reference().setDisplay("unauthenticated caller");
	}
}
