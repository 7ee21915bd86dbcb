package fr.ccamhub.bench.fhir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * JSON over HTTP/1.1 to one FHIR base URL, with an optional bearer token. One {@link HttpClient} is shared by every
 * client thread: it keeps one connection per thread busy, as a pooled client would.
 */
final class FhirHttp {

	/** A server's answer: status, body and the Location header (empty when none). */
	record Answer(int status, String body, String location) {
		boolean ok() {
			return status >= 200 && status < 300;
		}
	}

	private static final String FHIR_JSON = "application/fhir+json";

	private final HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	private final URI base;
	private final String token;

	FhirHttp(String base, String token) {
		this.base = URI.create(base.endsWith("/") ? base : base + "/");
		this.token = token == null ? "" : token;
	}

	/** GET base + path; searches send {@code Cache-Control: no-cache} so that HAPI runs each one anew. */
	Answer get(String path, boolean noCache) throws IOException, InterruptedException {
		HttpRequest.Builder request = request(path).GET();
		if (noCache) {
			request.header("Cache-Control", "no-cache");
		}
		return send(request);
	}

	/** POST a JSON resource or Bundle to base + path (empty path: the base, for transactions). */
	Answer post(String path, String json) throws IOException, InterruptedException {
		return send(request(path)
				.header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
				.timeout(Duration.ofSeconds(120))
				.header("Accept", FHIR_JSON);
		if (!token.isEmpty()) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(""));
	}
}
