package fr.ccamhub.dmp.transport;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Which Document Recipient addresses may be used: HTTPS with a client certificate and/or a bearer token, or plain HTTP
 * to this machine's loopback only (development and tests), so that no document ever leaves the machine unencrypted
 * or unauthenticated.
 */
public final class EndpointPolicy {

	private EndpointPolicy() {}

	/** @throws IllegalArgumentException naming what is wrong with the endpoint */
	public static void check(URI endpoint, boolean clientCertificate, boolean bearerToken) {
		String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(java.util.Locale.ROOT);
		if (endpoint.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
			throw new IllegalArgumentException("ccamhub.dmp.endpoint must be an http(s) URL with a host, was " + endpoint);
		}
		if (scheme.equals("http")) {
			if (!isLoopback(endpoint.getHost())) {
				throw new IllegalArgumentException("ccamhub.dmp.endpoint " + endpoint
						+ ": plain HTTP is only allowed to a loopback address; use https with a client certificate"
						+ " (ccamhub.dmp.tls.key-store) or an OAuth2 client (ccamhub.dmp.oauth2.*)");
			}
			return;
		}
		if (!clientCertificate && !bearerToken) {
			throw new IllegalArgumentException("ccamhub.dmp.endpoint " + endpoint
					+ ": a client certificate (ccamhub.dmp.tls.key-store) or an OAuth2 client (ccamhub.dmp.oauth2.*)"
					+ " is required outside the loopback");
		}
	}

	static boolean isLoopback(String host) {
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		if (bare.equalsIgnoreCase("localhost")) {
			return true;
		}
		if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
			return false; // a name other than localhost: not resolved here, not trusted to be local
		}
		try {
			return InetAddress.getByName(bare).isLoopbackAddress();
		} catch (UnknownHostException e) {
			return false;
		}
	}
}
