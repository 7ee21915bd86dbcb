package fr.ccamhub.server.subscription;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rest-hook endpoints a Subscription may name. Entries are URL prefixes matched on the parsed
 * URL, never on its text: {@code http://127.0.0.1:8080@evil.example/} starts with
 * {@code http://127.0.0.1:8080} but calls {@code evil.example}, so it is refused.
 */
public final class EndpointAllowList {

	static final String KEY = "ccamhub.subscriptions.allowed-endpoints";

	private static final Pattern ENTRY = Pattern.compile(
			"(?i)(https?)://(\\*\\.[^/:?#@\\[\\]*]+|[^/:?#@\\[\\]*]+|\\[[0-9a-f:.]+\\])(?::(\\d{1,5}|\\*))?(/[^?#]*)?");

	private final List<Entry> entries;

	private EndpointAllowList(List<Entry> entries) {
		this.entries = List.copyOf(entries);
	}

	/** Parses the configured entries; a malformed one fails start-up with the key and the entry. */
	public static EndpointAllowList of(List<String> configured) {
		List<Entry> entries = new ArrayList<>();
		for (String text : configured) {
			Matcher m = ENTRY.matcher(text.trim());
			if (!m.matches()) {
				throw new IllegalStateException(KEY + ": '" + text + "' is not an http(s) URL prefix such as "
						+ "https://hooks.example.fr/ccamhub/, http://127.0.0.1:* or https://*.example.fr/");
			}
			String scheme = m.group(1).toLowerCase(Locale.ROOT);
			String port = m.group(3);
			int portNumber = port == null ? defaultPort(scheme) : "*".equals(port) ? Entry.ANY_PORT : Integer.parseInt(port);
			String path = m.group(4) == null ? "" : m.group(4);
			entries.add(new Entry(scheme, m.group(2).toLowerCase(Locale.ROOT), portNumber, path));
		}
		return new EndpointAllowList(entries);
	}

	public boolean isEmpty() {
		return entries.isEmpty();
	}

	/** Whether a rest-hook may call this URL. */
	public boolean allows(String endpoint) {
		if (endpoint == null || endpoint.isBlank() || entries.isEmpty()) {
			return false;
		}
		URI uri;
		try {
			uri = new URI(endpoint.trim()).normalize();
		} catch (URISyntaxException e) {
			return false;
		}
		if (!uri.isAbsolute() || uri.getRawUserInfo() != null || uri.getHost() == null || uri.getRawFragment() != null) {
			return false;
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return false;
		}
		String path = uri.getPath() == null ? "" : uri.getPath();
		if (hasDotSegmentOrBackslash(path)) {
			return false;
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		int port = uri.getPort() == -1 ? defaultPort(scheme) : uri.getPort();
		return entries.stream().anyMatch(entry -> entry.matches(scheme, host, port, path));
	}

	private static boolean hasDotSegmentOrBackslash(String decodedPath) {
		if (decodedPath.indexOf('\\') >= 0) {
			return true;
		}
		for (String segment : decodedPath.split("/", -1)) {
			if (segment.equals(".") || segment.equals("..")) {
				return true;
			}
		}
		return false;
	}

	private static int defaultPort(String scheme) {
		return scheme.equals("https") ? 443 : 80;
	}

	private record Entry(String scheme, String host, int port, String path) {

		static final int ANY_PORT = -1;

		boolean matches(String endpointScheme, String endpointHost, int endpointPort, String endpointPath) {
			return scheme.equals(endpointScheme)
					&& hostMatches(endpointHost)
					&& (port == ANY_PORT || port == endpointPort)
					&& pathMatches(endpointPath);
		}

		private boolean hostMatches(String endpointHost) {
			if (host.startsWith("*.")) {
				return endpointHost.endsWith(host.substring(1)) && endpointHost.length() > host.length() - 1;
			}
			return host.equals(endpointHost);
		}

		private boolean pathMatches(String endpointPath) {
			if (path.isEmpty() || path.equals("/") || path.endsWith("/") && endpointPath.startsWith(path)) {
				return true;
			}
			return endpointPath.equals(path) || endpointPath.startsWith(path + "/");
		}
	}
}
