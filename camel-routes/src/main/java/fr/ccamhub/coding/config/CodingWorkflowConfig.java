package fr.ccamhub.coding.config;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import fr.ccamhub.coding.AutoCoder;
import fr.ccamhub.coding.AutoCodingRoute;
import fr.ccamhub.coding.CompleteReviewOperation;
import fr.ccamhub.coding.CopilotProperties;
import fr.ccamhub.coding.ReviewCompletion;
import fr.ccamhub.interceptors.ccam.PatientFactsLookup;
import fr.ccamhub.interceptors.copilot.EncounterActsLookup;
import fr.ccamhub.terminology.rules.CcamRuleEngine;
import fr.ccamhub.terminology.suggest.CodingCopilot;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The coding workflow: auto-coding route, review completion, and the copilot's memory of decisions. */
@AutoConfiguration
@EnableConfigurationProperties(CopilotProperties.class)
public class CodingWorkflowConfig {

	private static final Logger log = LoggerFactory.getLogger(CodingWorkflowConfig.class);

	@Bean
	AutoCoder autoCoder(DaoRegistry daos, IFhirSystemDao<Bundle, Meta> systemDao, CodingCopilot copilot, PatientFactsLookup patients,
			EncounterActsLookup encounters, CopilotProperties properties) {
		return new AutoCoder(daos, systemDao, copilot, patients, encounters, properties);
	}

	@Bean
	ReviewCompletion reviewCompletion(DaoRegistry daos, IFhirSystemDao<Bundle, Meta> systemDao, CcamRuleEngine engine,
			CodingCopilot copilot, AutoCoder autoCoder) {
		return new ReviewCompletion(daos, systemDao, engine, copilot, autoCoder);
	}

	@Bean
	CompleteReviewOperation completeReviewOperation(ReviewCompletion completion) {
		return new CompleteReviewOperation(completion);
	}

	@Bean
	@ConditionalOnProperty(name = "ccamhub.copilot.auto-coding", havingValue = "true", matchIfMissing = true)
	AutoCodingRoute autoCodingRoute(AutoCoder autoCoder, CopilotProperties properties) {
		log.info("CCAM auto-coding every {} ({} mode, auto-accept at confidence {})", properties.pollInterval(),
				properties.shadow() ? "shadow" : "live", properties.autoAcceptThreshold());
		return new AutoCodingRoute(autoCoder, properties);
	}

	/** Coders' past decisions back into the copilot's memory before the first suggestion. */
	@Bean
	ApplicationRunner codingMemoryReplay(ReviewCompletion completion) {
		return args -> log.info("Copilot memory: {} coder decisions replayed", completion.replayDecisions());
	}
}
