package fr.ccamhub.server.security.smart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SMART App Launch discovery document ({@code .well-known/smart-configuration}, SMART 2.x), built
 * from the trusted issuer's OpenID Connect discovery document: the endpoints are the issuer's, the
 * scopes and capabilities are what ccamhub honours.
 */
public final class SmartConfiguration {

	/** Scopes ccamhub reads from tokens (SMART v1 and v2 resource scopes, launch context, identity). */
	static final List<String> SCOPES = List.of("openid", "fhirUser", "profile", "launch", "launch/patient",
			"offline_access", "patient/*.rs", "patient/*.read", "user/*.cruds", "user/*.read", "user/*.write",
			"system/*.rs", "system/*.cruds", "system/*.read");

	/** What ccamhub supports, in SMART's capability words. */
	static final List<String> CAPABILITIES = List.of("launch-standalone", "client-public", "client-confidential-symmetric",
			"client-confidential-asymmetric", "context-standalone-patient", "sso-openid-connect", "permission-offline",
			"permission-patient", "permission-user", "permission-v1", "permission-v2");

	private SmartConfiguration() {}

	/** The document for an issuer whose OIDC discovery document is {@code oidc}. */
	public static Map<String, Object> fromOidcDiscovery(Map<String, Object> oidc) {
		Map<String, Object> smart = new LinkedHashMap<>();
		smart.put("issuer", oidc.get("issuer"));
		copy(oidc, smart, "jwks_uri");
		copy(oidc, smart, "authorization_endpoint");
		copy(oidc, smart, "token_endpoint");
		smart.put("grant_types_supported", List.of("authorization_code", "client_credentials"));
		Object authMethods = oidc.get("token_endpoint_auth_methods_supported");
		smart.put("token_endpoint_auth_methods_supported",
				authMethods != null ? authMethods : List.of("client_secret_basic", "private_key_jwt"));
		Object signing = oidc.get("token_endpoint_auth_signing_alg_values_supported");
		if (signing != null) {
			smart.put("token_endpoint_auth_signing_alg_values_supported", signing);
		}
		copy(oidc, smart, "registration_endpoint");
		copy(oidc, smart, "userinfo_endpoint");
		copy(oidc, smart, "introspection_endpoint");
		copy(oidc, smart, "revocation_endpoint");
		copy(oidc, smart, "end_session_endpoint");
		smart.put("scopes_supported", SCOPES);
		smart.put("response_types_supported", List.of("code"));
		smart.put("code_challenge_methods_supported", List.of("S256"));
		smart.put("capabilities", CAPABILITIES);
		return smart;
	}

	/** What a server with authentication off (embedded development, loopback only) answers. */
	public static Map<String, Object> authenticationOff() {
		Map<String, Object> smart = new LinkedHashMap<>();
		smart.put("capabilities", List.of());
		smart.put("grant_types_supported", List.of());
		smart.put("code_challenge_methods_supported", List.of());
		smart.put("ccamhub_authentication", "off");
		smart.put("description", "Authentication is off: this server runs in its embedded development mode on loopback, "
				+ "with no OIDC issuer configured, and serves every request as the local developer. Set "
				+ "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI to turn SMART on FHIR authorization on.");
		return smart;
	}

	private static void copy(Map<String, Object> from, Map<String, Object> to, String key) {
		Object value = from.get(key);
		if (value != null) {
			to.put(key, value);
		}
	}
}
