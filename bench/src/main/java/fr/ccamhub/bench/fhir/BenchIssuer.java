package fr.ccamhub.bench.fhir;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * A real OIDC issuer for the authentication-on leg, as in fhir-server's tests (mock-oauth2-server: discovery document,
 * JWKS, RS256-signed JWTs). Starts on 127.0.0.1, writes the issuer URL and one token to two files, then runs until
 * killed. The token is an EHR feed's: role {@code integration} (realm_access.roles, as Keycloak writes it), SMART
 * scope {@code system/*.cruds}, audience {@code ccamhub}, valid 24 hours. ccamhub validates it on every request:
 * signature against the issuer's JWKS (fetched once), issuer, expiry, audience.
 *
 * <p>An auditor's token (role {@code auditor}) goes to {@code <token-file>.auditor}: the load counts the AuditEvents the
 * workloads leave with it, which the integration role may not read.
 *
 * <p>Usage: {@code BenchIssuer <port> <issuer-url-file> <token-file>}; port 0 picks a free one.
 */
public final class BenchIssuer {

	static final String ISSUER_ID = "ccamhub";
	static final String AUDIENCE = "ccamhub";

	private BenchIssuer() {}

	public static void main(String[] args) throws Exception {
		if (args.length != 3) {
			System.err.println("Usage: BenchIssuer <port> <issuer-url-file> <token-file>");
			System.exit(2);
		}
		MockOAuth2Server server = new MockOAuth2Server();
		server.start(InetAddress.getByName("127.0.0.1"), Integer.parseInt(args[0]));
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
		String issuer = server.issuerUrl(ISSUER_ID).toString();
		Map<String, Object> claims = Map.of(
				"realm_access", Map.of("roles", List.of("integration")),
				"scope", "system/*.cruds",
				"client_id", "bench-ehr-feed",
				"name", "bench EHR feed");
		String token = server.issueToken(ISSUER_ID, "bench-ehr-feed", AUDIENCE, claims, 24 * 3600).serialize();
		Map<String, Object> auditorClaims = Map.of(
				"realm_access", Map.of("roles", List.of("auditor")),
				"client_id", "bench-auditor",
				"name", "bench auditor");
		String auditorToken = server.issueToken(ISSUER_ID, "bench-auditor", AUDIENCE, auditorClaims, 24 * 3600).serialize();
		Files.writeString(Path.of(args[2] + ".auditor"), auditorToken);
		Files.writeString(Path.of(args[2]), token);
		Files.writeString(Path.of(args[1]), issuer);
		System.out.println("issuer " + issuer + " (role integration, scope system/*.cruds, audience " + AUDIENCE + ")");
		Thread.currentThread().join();
	}
}
