package fr.ccamhub.terminology.suggest.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ccamhub.terminology.rules.TestCcam;
import fr.ccamhub.terminology.suggest.CcamSuggester;
import fr.ccamhub.terminology.suggest.Suggestion;
import fr.ccamhub.terminology.suggest.SuggestionRequest;
import fr.ccamhub.terminology.suggest.SuggestionResult;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LLM re-ranking path against a local server speaking the OpenAI chat-completions protocol. */
class LlmRerankingCopilotTest {

	private static final CcamSuggester OFFLINE = CcamSuggester.standard(TestCcam.ENGINE);
	private static final ObjectMapper JSON = new ObjectMapper();

	private LocalOpenAiServer server;

	@BeforeEach
	void start() throws Exception {
		server = new LocalOpenAiServer();
	}

	@AfterEach
	void stop() {
		server.close();
	}

	private LlmRerankingCopilot copilot(Duration timeout) {
		return LlmRerankingCopilot.create(OFFLINE,
				new LlmSettings(server.baseUrl(), "test-key", "test-model", timeout, 2, 50f, Duration.ofMinutes(1), 100));
	}

	private void answer(List<Map<String, Object>> ranking, String question) throws Exception {
		server.assistantContent = JSON.writeValueAsString(Map.of("ranking", ranking, "question", question, "material", "",
				"duration", "", "incompatibilities", List.of()));
	}

	@Test
	void theModelReordersTheOfflineCandidatesAndExplainsThem() throws Exception {
		String note = "appendicectomie sous coelio";
		List<String> offline = OFFLINE.suggest(SuggestionRequest.of(note)).suggestions().stream().map(Suggestion::code).toList();
		String promoted = offline.get(1);
		answer(List.of(
				Map.of("code", promoted, "confidence", 80, "explanation", "Phrase un. Phrase deux.", "modifiers", List.of()),
				Map.of("code", offline.get(0), "confidence", 20, "explanation", "Autre.", "modifiers", List.of())), "");

		SuggestionResult result = copilot(Duration.ofSeconds(5)).suggest(SuggestionRequest.of(note));

		assertThat(result.suggestions().get(0).code()).isEqualTo(promoted);
		assertThat(result.suggestions().get(0).explanation()).isEqualTo("Phrase un. Phrase deux.");
		assertThat(result.suggestions().get(1).code()).isEqualTo(offline.get(0));
		assertThat(result.engine()).endsWith("+ test-model");
		String sent = server.requests.get(0);
		assertThat(sent).contains("json_schema").contains("ccam_ranking").contains(offline.get(0));
	}

	@Test
	void codesTheModelInventsAreNeverSuggested() throws Exception {
		answer(List.of(Map.of("code", "ZZZZ999", "confidence", 99, "explanation", "Inventé.", "modifiers", List.of())), "");

		SuggestionResult result = copilot(Duration.ofSeconds(5)).suggest(SuggestionRequest.of("cholécystectomie sous coelio"));

		assertThat(result.suggestions()).isNotEmpty().noneMatch(s -> s.code().equals("ZZZZ999"));
		assertThat(result.suggestions().get(0).code()).isEqualTo("HMFC004");
	}

	@Test
	void theNoteIsPseudonymizedBeforeItLeavesTheServer() throws Exception {
		answer(List.of(), "");
		String note = "M. Jean DUPONT né le 12/03/1979, NIR 1 79 03 75 123 456 78, IPP 00123456, tél 06 12 34 56 78, "
				+ "12 rue des Lilas 75011 Paris, jean.dupont@example.fr : cholécystectomie sous coelio à 23h, patient de 46 ans";

		copilot(Duration.ofSeconds(5)).suggest(SuggestionRequest.of(note));

		String sent = server.requests.get(0);
		assertThat(sent).doesNotContain("DUPONT", "Jean", "1979", "79 03 75", "00123456", "06 12 34 56 78", "Lilas", "75011",
				"example.fr");
		assertThat(sent).contains("cholécystectomie sous coelio à 23h").contains("46 ans");
	}

	@Test
	void failuresFallBackToTheOfflineRankingAndOpenTheCircuit() {
		server.status = 500;
		LlmRerankingCopilot copilot = copilot(Duration.ofSeconds(5));
		String first = OFFLINE.suggest(SuggestionRequest.of("ECG 12 dérivations")).suggestions().get(0).code();

		for (int i = 0; i < 4; i++) {
			SuggestionResult result = copilot.suggest(SuggestionRequest.of("ECG 12 dérivations note " + i));
			assertThat(result.suggestions().get(0).code()).isEqualTo(first);
			assertThat(result.engine()).doesNotContain("test-model");
		}
		assertThat(copilot.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
		int calls = server.requests.size();
		copilot.suggest(SuggestionRequest.of("ECG 12 dérivations encore"));
		assertThat(server.requests).hasSize(calls);
	}

	@Test
	void aSlowModelTimesOutAndTheOfflineRankingIsAnswered() {
		server.stalled = new java.util.concurrent.CountDownLatch(1);
		long start = System.nanoTime();
		SuggestionResult result = copilot(Duration.ofMillis(300)).suggest(SuggestionRequest.of("cholécystectomie sous coelio"));
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(result.suggestions().get(0).code()).isEqualTo("HMFC004");
		assertThat(millis).isLessThan(2_500);
	}

	@Test
	void theSameNoteIsAnsweredFromTheCache() throws Exception {
		answer(List.of(Map.of("code", "HMFC004", "confidence", 90, "explanation", "Un. Deux.", "modifiers", List.of())), "");
		LlmRerankingCopilot copilot = copilot(Duration.ofSeconds(5));

		copilot.suggest(SuggestionRequest.of("cholécystectomie sous coelio"));
		copilot.suggest(SuggestionRequest.of("cholécystectomie sous coelio"));

		assertThat(server.requests).hasSize(1);
	}
}
