package fr.ccamhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * What the server answered to one transaction bundle: HTTP status, entries created (201) and matched or updated (200)
 * when accepted, else the first line of the OperationOutcome's first diagnostics.
 */
record BundleOutcome(String file, int entries, long bytes, int status, int created, int matched, String refusal, double seconds) {

	private static final ObjectMapper JSON = new ObjectMapper();

	static BundleOutcome of(String file, int entries, long bytes, int status, String body, double seconds) {
		JsonNode answer = parse(body);
		if (status / 100 == 2) {
			int created = 0;
			int matched = 0;
			for (JsonNode entry : answer.path("entry")) {
				String entryStatus = entry.path("response").path("status").asText();
				if (entryStatus.startsWith("201")) {
					created++;
				} else if (entryStatus.startsWith("200")) {
					matched++;
				}
			}
			return new BundleOutcome(file, entries, bytes, status, created, matched, "", seconds);
		}
		return new BundleOutcome(file, entries, bytes, status, 0, 0, refusal(answer, body), seconds);
	}

	boolean accepted() {
		return status / 100 == 2;
	}

	private static String refusal(JsonNode answer, String body) {
		JsonNode issue = answer.path("issue").path(0);
		String text = issue.path("diagnostics").asText("");
		if (text.isEmpty()) {
			text = issue.path("details").path("text").asText("");
		}
		if (text.isEmpty()) {
			text = body.length() > 200 ? body.substring(0, 200) : body;
		}
		String firstLine = text.strip().lines().findFirst().orElse("");
		return firstLine.length() > 400 ? firstLine.substring(0, 400) + "…" : firstLine;
	}

	private static JsonNode parse(String body) {
		try {
			return JSON.readTree(body);
		} catch (IOException e) {
			return JSON.createObjectNode();
		}
	}
}
