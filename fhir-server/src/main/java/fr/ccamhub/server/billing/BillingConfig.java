package fr.ccamhub.server.billing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import fr.ccamhub.interceptors.ccam.CcamCheckResponseInterceptor;
import fr.ccamhub.interceptors.ccam.CcamClaimOperations;
import fr.ccamhub.interceptors.ccam.CcamStoreValidationInterceptor;
import fr.ccamhub.interceptors.ccam.ClaimActsReader;
import fr.ccamhub.server.fhir.OperationProvider;
import fr.ccamhub.server.fhir.RestInterceptor;
import fr.ccamhub.server.fhir.StorageInterceptor;
import fr.ccamhub.terminology.ccam.CcamRelease;
import fr.ccamhub.terminology.pricing.CcamPricer;
import fr.ccamhub.terminology.pricing.PricingPolicy;
import fr.ccamhub.terminology.rules.CcamRuleBook;
import fr.ccamhub.terminology.rules.CcamRuleBookReader;
import fr.ccamhub.terminology.rules.CcamRuleEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The CCAM rule engine and pricer of the current release, their FHIR operations and the store-time check. */
@Configuration(proxyBeanMethods = false)
public class BillingConfig {

	@Bean
	CcamRuleEngine ccamRuleEngine(CcamRelease release) {
		CcamRuleBook book = new CcamRuleBookReader().read(release);
		return CcamRuleEngine.standard(book);
	}

	@Bean
	CcamPricer ccamPricer(CcamRulesProperties properties) {
		return new CcamPricer(new PricingPolicy(properties.insurerRate(), properties.fullCoverageThreshold(), properties.flatContribution()));
	}

	@Bean
	ClaimActsReader claimActsReader(FhirContext fhirContext, CcamRuleEngine engine) {
		return new ClaimActsReader(fhirContext, engine.book().modifierVariants());
	}

	@Bean
	OperationProvider ccamClaimOperations(CcamRuleEngine engine, CcamPricer pricer, ClaimActsReader reader, FhirPatientFacts patients) {
		return new OperationProvider(new CcamClaimOperations(engine, pricer, reader, patients));
	}

	@Bean
	OperationProvider encounterClaimBuilder(DaoRegistry daoRegistry, CcamRuleEngine engine, CcamPricer pricer, ClaimActsReader reader,
			FhirPatientFacts patients) {
		return new OperationProvider(new EncounterClaimBuilder(daoRegistry, engine, pricer, reader, patients));
	}

	@Bean
	StorageInterceptor ccamStoreValidation(FhirContext fhirContext, CcamRuleEngine engine, ClaimActsReader reader,
			CcamRulesProperties properties) {
		return new StorageInterceptor(new CcamStoreValidationInterceptor(fhirContext, engine, reader, properties.storeValidation()));
	}

	@Bean
	RestInterceptor ccamCheckResponse() {
		return new RestInterceptor(900, new CcamCheckResponseInterceptor());
	}
}
