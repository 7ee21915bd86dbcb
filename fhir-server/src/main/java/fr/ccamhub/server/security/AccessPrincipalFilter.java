package fr.ccamhub.server.security;

import fr.ccamhub.interceptors.security.AccessPrincipal;
import fr.ccamhub.interceptors.security.RequestPrincipals;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the authenticated caller to the FHIR layer as an {@link AccessPrincipal}: the token's
 * holder when authentication is on, the local developer when it is off (loopback only).
 */
final class AccessPrincipalFilter extends OncePerRequestFilter {

	private final AuthenticationMode mode;

	AccessPrincipalFilter(AuthenticationMode mode) {
		this.mode = mode;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (mode == AuthenticationMode.OFF_LOOPBACK_ONLY) {
			RequestPrincipals.attach(request, AccessPrincipal.localDeveloper());
		} else {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication instanceof JwtAuthenticationToken token) {
				RequestPrincipals.attach(request, JwtAccessPrincipals.from(token.getToken()));
			}
		}
		chain.doFilter(request, response);
	}
}
