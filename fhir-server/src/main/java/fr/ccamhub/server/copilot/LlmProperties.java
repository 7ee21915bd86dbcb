package fr.ccamhub.server.copilot;

import fr.ccamhub.terminology.suggest.llm.LlmSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional language model that re-ranks and explains the offline suggestions
 * ({@code ccamhub.copilot.llm}); off by default. Any OpenAI-compatible chat-completions endpoint:
 * OpenAI, Mistral ({@code https://api.mistral.ai/v1}), Ollama ({@code http://localhost:11434/v1}).
 */
@ConfigurationProperties("ccamhub.copilot.llm")
public record LlmProperties(
		boolean enabled,
		String baseUrl,
		String apiKey,
		String model,
		@DefaultValue("5s") Duration timeout,
		@DefaultValue("2") int attempts,
		@DefaultValue("50") float failureRateThreshold,
		@DefaultValue("60s") Duration openStateWait,
		@DefaultValue("10000") int cacheSize) {

	public LlmProperties {
		if (enabled && (baseUrl == null || baseUrl.isBlank() || model == null || model.isBlank())) {
			throw new IllegalArgumentException("ccamhub.copilot.llm.enabled=true needs ccamhub.copilot.llm.base-url and .model");
		}
	}

	LlmSettings settings() {
		return new LlmSettings(baseUrl, apiKey, model, timeout, attempts, failureRateThreshold, openStateWait, cacheSize);
	}
}
