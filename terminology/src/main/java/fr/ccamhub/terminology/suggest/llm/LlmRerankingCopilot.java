package fr.ccamhub.terminology.suggest.llm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiChatModel;
import fr.ccamhub.terminology.suggest.CcamSuggester;
import fr.ccamhub.terminology.suggest.CodingCopilot;
import fr.ccamhub.terminology.suggest.Suggestion;
import fr.ccamhub.terminology.suggest.SuggestionRequest;
import fr.ccamhub.terminology.suggest.SuggestionResult;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-ranks and explains the offline engine's candidates with a language model (OpenAI-compatible
 * chat completions, structured JSON output). The note is pseudonymized before it leaves the server;
 * the model may only reorder the candidates it is shown, never add a code; confidence, modifiers and
 * rule warnings stay the offline engine's (calibrated, checked). Calls are retried, guarded by a
 * circuit breaker and cached; any failure falls back to the offline ranking.
 */
public final class LlmRerankingCopilot implements CodingCopilot {

	private static final Logger log = LoggerFactory.getLogger(LlmRerankingCopilot.class);
	/** Candidates shown to the model. */
	static final int CANDIDATES = 8;
	private static final int SUGGESTIONS = 3;

	private final CcamSuggester offline;
	private final ChatModel model;
	private final String modelName;
	private final Pseudonymizer pseudonymizer = new Pseudonymizer();
	private final CircuitBreaker breaker;
	private final Retry retry;
	private final Cache<String, LlmRanking> cache;
	private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

	LlmRerankingCopilot(CcamSuggester offline, ChatModel model, String modelName, LlmSettings settings) {
		this.offline = offline;
		this.model = model;
		this.modelName = modelName;
		this.breaker = CircuitBreaker.of("ccam-llm", CircuitBreakerConfig.custom()
				.failureRateThreshold(settings.failureRateThreshold())
				.slidingWindowSize(10)
				.minimumNumberOfCalls(4)
				.waitDurationInOpenState(settings.openStateWait())
				.build());
		this.retry = Retry.of("ccam-llm", RetryConfig.custom()
				.maxAttempts(Math.max(1, settings.attempts()))
				.waitDuration(Duration.ofMillis(200))
				.ignoreExceptions(CallNotPermittedException.class)
				.build());
		this.cache = Caffeine.newBuilder().maximumSize(settings.cacheSize()).build();
	}

	public static LlmRerankingCopilot create(CcamSuggester offline, LlmSettings settings) {
		ChatModel model = OpenAiChatModel.builder()
				.baseUrl(settings.baseUrl())
				.apiKey(settings.apiKey() == null || settings.apiKey().isBlank() ? "none" : settings.apiKey())
				.modelName(settings.model())
				.timeout(settings.timeout())
				.maxRetries(0)
				.temperature(0.0)
				.supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
				.strictJsonSchema(true)
				.build();
		return new LlmRerankingCopilot(offline, model, settings.model(), settings);
	}

	public CircuitBreaker.State circuitState() {
		return breaker.getState();
	}

	@Override
	public void learn(String note, String code) {
		offline.learn(note, code);
	}

	@Override
	public SuggestionResult suggest(SuggestionRequest request) {
		SuggestionResult candidates = offline.suggest(request, CANDIDATES);
		if (candidates.suggestions().isEmpty()) {
			return candidates;
		}
		String note = pseudonymizer.pseudonymize(request.text());
		String key = note + "|" + String.join(",", candidates.suggestions().stream().map(Suggestion::code).toList());
		LlmRanking ranking;
		try {
			ranking = cache.get(key, k -> call(note, candidates.suggestions()));
		} catch (RuntimeException e) {
			log.warn("Language model unavailable, offline ranking kept: {}", e.toString());
			return top(candidates, candidates.suggestions(), candidates.question(), candidates.engine());
		}
		return merge(candidates, ranking);
	}

	private LlmRanking call(String note, List<Suggestion> candidates) {
		Supplier<LlmRanking> call = () -> {
			ChatRequest chat = ChatRequest.builder()
					.messages(SystemMessage.from(RankingPrompt.SYSTEM), UserMessage.from(RankingPrompt.user(note, candidates)))
					.responseFormat(RankingPrompt.responseFormat())
					.build();
			String answer = model.chat(chat).aiMessage().text();
			try {
				return json.readValue(answer, LlmRanking.class);
			} catch (IOException e) {
				throw new UncheckedIOException("The language model's answer is not the expected JSON", e);
			}
		};
		return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)).get();
	}

	/** The model's order over the offline candidates (codes it invents are dropped), offline ones after. */
	private SuggestionResult merge(SuggestionResult candidates, LlmRanking ranking) {
		Map<String, Suggestion> byCode = new LinkedHashMap<>();
		candidates.suggestions().forEach(s -> byCode.put(s.code(), s));
		List<Suggestion> ordered = new ArrayList<>();
		for (LlmRanking.Ranked ranked : ranking.ranking()) {
			Suggestion suggestion = ranked.code() == null ? null : byCode.remove(ranked.code().trim());
			if (suggestion == null) {
				continue;
			}
			String explanation = ranked.explanation() == null || ranked.explanation().isBlank()
					? suggestion.explanation() : ranked.explanation().strip();
			ordered.add(new Suggestion(suggestion.code(), suggestion.display(), suggestion.activity(), suggestion.modifiers(),
					suggestion.confidence(), explanation, suggestion.warnings(), suggestion.ruleErrors()));
		}
		ordered.addAll(byCode.values());
		String question = candidates.question() != null ? candidates.question()
				: ranking.question() == null || ranking.question().isBlank() ? null : ranking.question().strip();
		return top(candidates, ordered, question, candidates.engine() + " + " + modelName);
	}

	private static SuggestionResult top(SuggestionResult candidates, List<Suggestion> ordered, String question, String engine) {
		return new SuggestionResult(ordered.subList(0, Math.min(SUGGESTIONS, ordered.size())), question, candidates.context(),
				engine, candidates.rawCertainty());
	}
}
