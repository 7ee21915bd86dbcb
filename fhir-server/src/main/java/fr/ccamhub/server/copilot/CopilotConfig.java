package fr.ccamhub.server.copilot;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import fr.ccamhub.coding.CompleteReviewOperation;
import fr.ccamhub.interceptors.ccam.PatientFactsLookup;
import fr.ccamhub.interceptors.copilot.PendingCodingTagInterceptor;
import fr.ccamhub.interceptors.copilot.SuggestCcamOperation;
import fr.ccamhub.server.fhir.OperationProvider;
import fr.ccamhub.server.fhir.StorageInterceptor;
import fr.ccamhub.terminology.rules.CcamRuleEngine;
import fr.ccamhub.terminology.suggest.CcamSuggester;
import fr.ccamhub.terminology.suggest.CodingCopilot;
import fr.ccamhub.terminology.suggest.llm.LlmRerankingCopilot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The coding copilot: the offline suggester (re-ranked by a language model when configured), $suggest-ccam, $complete-review and the pending-coding tag. */
@Configuration(proxyBeanMethods = false)
public class CopilotConfig {

	private static final Logger log = LoggerFactory.getLogger(CopilotConfig.class);

	@Bean
	CodingCopilot codingCopilot(CcamRuleEngine engine, LlmProperties llm) {
		CcamSuggester offline = CcamSuggester.standard(engine);
		if (!llm.enabled()) {
			return offline;
		}
		log.info("CCAM copilot re-ranks with the language model {} at {} (notes pseudonymized)", llm.model(), llm.baseUrl());
		return LlmRerankingCopilot.create(offline, llm.settings());
	}

	@Bean
	FhirEncounterActs fhirEncounterActs(DaoRegistry daoRegistry) {
		return new FhirEncounterActs(daoRegistry);
	}

	@Bean
	OperationProvider suggestCcamOperation(CodingCopilot copilot, PatientFactsLookup patients, FhirEncounterActs encounters) {
		return new OperationProvider(new SuggestCcamOperation(copilot, patients, encounters));
	}

	@Bean
	OperationProvider completeReviewOperationProvider(CompleteReviewOperation operation) {
		return new OperationProvider(operation);
	}

	@Bean
	@ConditionalOnProperty(name = "ccamhub.copilot.auto-coding", havingValue = "true", matchIfMissing = true)
	StorageInterceptor pendingCodingTag() {
		return new StorageInterceptor(new PendingCodingTagInterceptor());
	}
}
