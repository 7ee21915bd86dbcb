package fr.ccamhub.server.synthea;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** POSTs Synthea bundles to a FHIR base and checks that every entry was stored. */
public final class SyntheaLoader {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private final ObjectMapper json = new ObjectMapper();
	private final String fhirBase;
	private final String token;

	/** @param token a bearer token, or null when authentication is off */
	public SyntheaLoader(String fhirBase, String token) {
		this.fhirBase = fhirBase;
		this.token = token;
	}

	/** Loads the bundles in order; returns the number of entries stored. Fails naming the bundle and the first error. */
	public int loadAll(List<Path> bundles) throws Exception {
		int stored = 0;
		for (Path bundle : bundles) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fhirBase))
					.timeout(Duration.ofMinutes(10))
					.header("Content-Type", "application/fhir+json")
					.header("Accept", "application/fhir+json")
					.header("Prefer", "return=minimal")
					.POST(HttpRequest.BodyPublishers.ofFile(bundle));
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(bundle.getFileName() + ": " + abbreviate(response.body())).isEqualTo(200);
			for (JsonNode entry : json.readTree(response.body()).path("entry")) {
				String status = entry.path("response").path("status").asText();
				assertThat(status).as(bundle.getFileName() + " entry: " + abbreviate(entry.toString())).matches("20[01].*");
				stored++;
			}
		}
		return stored;
	}

	private static String abbreviate(String text) {
		return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
	}
}
