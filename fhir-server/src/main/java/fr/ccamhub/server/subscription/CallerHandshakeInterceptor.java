package fr.ccamhub.server.subscription;

import fr.ccamhub.interceptors.security.AccessPrincipal;
import fr.ccamhub.interceptors.security.RequestPrincipals;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Keeps the caller that Spring Security authenticated on the websocket upgrade request (bearer
 * token in {@code Authorization}, or the local developer when authentication is off) with the
 * websocket session, with the token's expiry; an upgrade without a caller is a 401.
 */
final class CallerHandshakeInterceptor implements HandshakeInterceptor {

	static final String PRINCIPAL = AccessPrincipal.class.getName();
	static final String EXPIRES_AT = CallerHandshakeInterceptor.class.getName() + ".expiresAt";

	@Override
	public boolean beforeHandshake(
			ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Map<String, Object> attributes) {
		Optional<AccessPrincipal> principal = request instanceof ServletServerHttpRequest servlet
				? RequestPrincipals.ofServletRequest(servlet.getServletRequest())
				: Optional.empty();
		if (principal.isEmpty()) {
			response.setStatusCode(HttpStatus.UNAUTHORIZED);
			return false;
		}
		attributes.put(PRINCIPAL, principal.get());
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token && token.getToken().getExpiresAt() != null) {
			attributes.put(EXPIRES_AT, token.getToken().getExpiresAt());
		}
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception failure) {
		// Nothing to undo.
	}

	static Optional<AccessPrincipal> principal(Map<String, Object> attributes) {
		return attributes.get(PRINCIPAL) instanceof AccessPrincipal principal ? Optional.of(principal) : Optional.empty();
	}

	static Optional<Instant> expiresAt(Map<String, Object> attributes) {
		return attributes.get(EXPIRES_AT) instanceof Instant expiry ? Optional.of(expiry) : Optional.empty();
	}
}
