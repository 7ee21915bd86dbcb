package fr.ccamhub.bench.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many resources of some types were stored between two instants, by paging through a {@code _lastUpdated}
 * search ({@code _elements=id}, 200 a page). ccamhub refuses {@code _summary=count} and {@code _total=accurate}
 * (HAPI's consent interceptor, HAPI-2038 and HAPI-2037), so the entries are counted one page after the other.
 */
final class ResourceCounts {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final FhirHttp http;
	private final List<String> types;

	ResourceCounts(FhirHttp http, List<String> types) {
		this.http = http;
		this.types = List.copyOf(types);
	}

	Map<String, Long> between(Instant from, Instant to) throws IOException, InterruptedException {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String type : types) {
			long count = 0;
			String page = type + "?_lastUpdated=ge" + from + "&_lastUpdated=le" + to + "&_elements=id&_count=200";
			while (page != null) {
				FhirHttp.Answer answer = http.get(page, true);
				if (!answer.ok()) {
					throw new IllegalStateException("counting " + type + " refused with HTTP " + answer.status() + ":\n" + answer.body());
				}
				JsonNode bundle = JSON.readTree(answer.body());
				count += bundle.path("entry").size();
				page = null;
				for (JsonNode link : bundle.path("link")) {
					if (link.path("relation").asText().equals("next")) {
						page = URI.create(link.path("url").asText()).toString();
					}
				}
			}
			counts.put(type, count);
		}
		return counts;
	}
}
