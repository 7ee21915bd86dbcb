package fr.ccamhub.server.security.smart;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The trusted issuer's OpenID Connect discovery document ({@code /.well-known/openid-configuration}),
 * fetched when first asked and kept for a while, so that SMART discovery follows the issuer's endpoints
 * without a call per request.
 */
public final class OidcDiscovery {

	private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

	private final String issuer;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final ObjectMapper json = new ObjectMapper();
	private final LoadingCache<String, Map<String, Object>> documents;

	public OidcDiscovery(String issuer, Duration keepFor) {
		this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
		this.documents = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(keepFor).build(this::fetch);
	}

	public String issuer() {
		return issuer;
	}

	/** The discovery document; throws {@link UncheckedIOException} when the issuer cannot be reached. */
	public Map<String, Object> document() {
		return documents.get(issuer);
	}

	private Map<String, Object> fetch(String issuerUrl) {
		URI uri = URI.create(issuerUrl + "/.well-known/openid-configuration");
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
					.header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IOException(uri + " answered " + response.statusCode());
			}
			return json.readValue(response.body(), JSON_OBJECT);
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot read the OIDC discovery document at " + uri + ": " + e.getMessage(), e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new UncheckedIOException(new IOException("Interrupted while reading " + uri, e));
		}
	}
}
