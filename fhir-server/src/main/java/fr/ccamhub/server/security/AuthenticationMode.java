package fr.ccamhub.server.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether requests must carry a bearer token. With no OIDC issuer configured, authentication is
 * off only for a server listening on loopback (a developer's own machine); a server reachable from
 * elsewhere without an issuer is a misconfiguration and must not start.
 */
public enum AuthenticationMode {
	ON,
	OFF_LOOPBACK_ONLY;

	static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

	public static AuthenticationMode decide(String serverAddress, List<String> trustedIssuers) {
		if (!trustedIssuers.isEmpty()) {
			return ON;
		}
		if (isLoopback(serverAddress)) {
			return OFF_LOOPBACK_ONLY;
		}
		throw new IllegalStateException("Refusing to start: the server would listen on "
				+ (serverAddress == null || serverAddress.isBlank() ? "every network interface" : serverAddress)
				+ " with authentication off. Configure an OIDC issuer (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI, "
				+ "or ccamhub.security.additional-issuers), or bind to loopback only (server.address=127.0.0.1).");
	}

	/** Spring's issuer first, then the additional ones; blanks dropped. */
	public static List<String> trustedIssuers(String springIssuer, List<String> additionalIssuers) {
		List<String> issuers = new ArrayList<>();
		if (springIssuer != null && !springIssuer.isBlank()) {
			issuers.add(springIssuer.trim());
		}
		additionalIssuers.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(issuers::add);
		return List.copyOf(issuers);
	}

	static boolean isLoopback(String address) {
		if (address == null || address.isBlank()) {
			return false;
		}
		try {
			return InetAddress.getByName(address.trim()).isLoopbackAddress();
		} catch (UnknownHostException e) {
			return false;
		}
	}
}
