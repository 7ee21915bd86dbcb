package fr.ccamhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * What the server answered to one bundle: HTTP status; entries created (201), matched or updated (200) and failed
 * (a batch answers 200 with a status per entry); and, when refused, the first line of the first diagnostics.
 */
record BundleOutcome(
		String file, int entries, long bytes, int status, int created, int matched, int failed, String refusal, double seconds) {

	private static final ObjectMapper JSON = new ObjectMapper();

	static BundleOutcome of(String file, int entries, long bytes, int status, String body, double seconds) {
		JsonNode answer = parse(body);
		if (status / 100 != 2) {
			return new BundleOutcome(file, entries, bytes, status, 0, 0, entries, refusal(answer, body), seconds);
		}
		int created = 0;
		int matched = 0;
		int failed = 0;
		String refusal = "";
		for (JsonNode entry : answer.path("entry")) {
			JsonNode response = entry.path("response");
			String entryStatus = response.path("status").asText();
			if (entryStatus.startsWith("201")) {
				created++;
			} else if (entryStatus.startsWith("200")) {
				matched++;
			} else {
				if (failed++ == 0) {
					refusal = "entry " + entryStatus + ": " + refusal(response.path("outcome"), entryStatus);
				}
			}
		}
		return new BundleOutcome(file, entries, bytes, status, created, matched, failed, refusal, seconds);
	}

	static BundleOutcome unanswered(String file, String reason) {
		return new BundleOutcome(file, 0, 0, 0, 0, 0, 0, reason, 0);
	}

	/** Stored whole: HTTP 2xx and no entry failed. */
	boolean accepted() {
		return status / 100 == 2 && failed == 0;
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
