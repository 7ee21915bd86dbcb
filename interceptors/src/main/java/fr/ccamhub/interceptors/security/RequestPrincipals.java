package fr.ccamhub.interceptors.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Where the edge (the HTTP security filter) leaves the caller's {@link AccessPrincipal} for the
 * interceptors: an attribute of the servlet request.
 */
public final class RequestPrincipals {

	/** Servlet request attribute holding the {@link AccessPrincipal}. */
	public static final String ATTRIBUTE = AccessPrincipal.class.getName();

	private RequestPrincipals() {}

	public static void attach(HttpServletRequest request, AccessPrincipal principal) {
		request.setAttribute(ATTRIBUTE, principal);
	}

	/** The caller of a REST request; empty for internal calls (no servlet request). */
	public static Optional<AccessPrincipal> of(RequestDetails request) {
		if (request instanceof ServletRequestDetails servlet && servlet.getServletRequest() != null) {
			return ofServletRequest(servlet.getServletRequest());
		}
		return Optional.empty();
	}

	public static Optional<AccessPrincipal> ofServletRequest(HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) instanceof AccessPrincipal principal
				? Optional.of(principal)
				: Optional.empty();
	}
}
