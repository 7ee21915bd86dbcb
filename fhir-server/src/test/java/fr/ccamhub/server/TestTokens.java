package fr.ccamhub.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * A real OIDC issuer for the tests (mock-oauth2-server: discovery document, JWKS, RS256-signed
 * JWTs), started once per test JVM. Issuer {@value #MAIN} plays Keycloak, {@value #SECOND} plays
 * Pro Santé Connect, {@value #ROGUE} is an issuer the server does not trust.
 */
public final class TestTokens {

	public static final String MAIN = "ccamhub";
	public static final String SECOND = "psc";
	public static final String ROGUE = "rogue";
	public static final String AUDIENCE = "ccamhub";

	private static final MockOAuth2Server SERVER = start();

	private TestTokens() {}

	private static MockOAuth2Server start() {
		MockOAuth2Server server = new MockOAuth2Server();
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
		return server;
	}

	public static String issuer(String issuerId) {
		return SERVER.issuerUrl(issuerId).toString();
	}

	/** A token for a person or system with these roles and, if not null, these space-separated scopes. */
	public static String token(String subject, List<String> roles, String scope) {
		return token(MAIN, subject, AUDIENCE, roles, scope, Map.of(), 3600);
	}

	public static String token(String subject, List<String> roles, String scope, Map<String, Object> extraClaims) {
		return token(MAIN, subject, AUDIENCE, roles, scope, extraClaims, 3600);
	}

	public static String token(
			String issuerId, String subject, String audience, List<String> roles, String scope,
			Map<String, Object> extraClaims, long expirySeconds) {
		Map<String, Object> claims = new HashMap<>();
		claims.put("realm_access", Map.of("roles", roles));
		claims.put("client_id", subject + "-app");
		claims.put("name", subject);
		if (scope != null) {
			claims.put("scope", scope);
		}
		claims.putAll(extraClaims);
		return SERVER.issueToken(issuerId, subject, audience, claims, expirySeconds).serialize();
	}
}
