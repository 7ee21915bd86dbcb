package fr.ccamhub.bench.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts of some resource types on the server ({@code Type?_summary=count}, no search cache), to diff around a workload. */
final class ResourceCounts {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final FhirHttp http;
	private final List<String> types;

	ResourceCounts(FhirHttp http, List<String> types) {
		this.http = http;
		this.types = List.copyOf(types);
	}

	Map<String, Long> now() throws IOException, InterruptedException {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String type : types) {
			FhirHttp.Answer answer = http.get(type + "?_summary=count", true);
			if (!answer.ok()) {
				throw new IllegalStateException("counting " + type + " refused with HTTP " + answer.status() + ":\n" + answer.body());
			}
			counts.put(type, JSON.readTree(answer.body()).path("total").asLong());
		}
		return counts;
	}

	Map<String, Long> since(Map<String, Long> before) throws IOException, InterruptedException {
		Map<String, Long> created = new LinkedHashMap<>();
		now().forEach((type, count) -> created.put(type, count - before.getOrDefault(type, 0L)));
		return created;
	}
}
