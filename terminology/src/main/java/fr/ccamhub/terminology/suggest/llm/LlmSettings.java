package fr.ccamhub.terminology.suggest.llm;

import java.time.Duration;

/**
 * How to reach the language model that re-ranks suggestions: an OpenAI-compatible chat-completions
 * endpoint (OpenAI, Mistral, Ollama's /v1, vLLM...), the model, the key, and how patient to be.
 *
 * @param attempts calls per note before falling back to the offline ranking (1 = no retry)
 * @param failureRateThreshold share of failed calls (percent) that opens the circuit breaker
 * @param openStateWait how long the breaker stays open (offline ranking only) before trying again
 * @param cacheSize notes whose ranking is kept, by pseudonymized text and candidates
 */
public record LlmSettings(
		String baseUrl,
		String apiKey,
		String model,
		Duration timeout,
		int attempts,
		float failureRateThreshold,
		Duration openStateWait,
		int cacheSize) {
}
