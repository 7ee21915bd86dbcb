package fr.ccamhub.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.config.JpaConfig;
import ca.uhn.fhir.rest.server.interceptor.validation.ValidationMessageUnknownCodeSystemPostProcessingInterceptor;
import ca.uhn.fhir.validation.IInstanceValidatorModule;
import fr.ccamhub.server.fhir.StorageInterceptor;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Profile validation: FR Core, ANS TDE and the ccamhub IG added to HAPI's JPA validation chain
 * (which keeps FHIR R4 and the terminology store, hence CCAM), behind {@code $validate} and the
 * optional store-time profiles.
 */
@Configuration(proxyBeanMethods = false)
public class ValidationConfig {

	private static final Logger LOG = LoggerFactory.getLogger(ValidationConfig.class);

	/** Read once per JVM and appended to the JPA chain, after the stored conformance resources. */
	@Bean
	ConformancePackages conformancePackages(
			FhirContext fhirContext,
			ValidationProperties properties,
			@Qualifier(JpaConfig.JPA_VALIDATION_SUPPORT_CHAIN) IValidationSupport jpaValidationSupportChain) {
		ConformancePackages packages = ConformancePackages.load(fhirContext, properties.packages());
		((ValidationSupportChain) jpaValidationSupportChain).addValidationSupport(packages.support());
		LOG.info("Validation packages {} and {} IG resources loaded in {} ms ({} conformance resources)",
				packages.packages(), packages.igResourceCount(), packages.loadTime().toMillis(), packages.resourceCount());
		return packages;
	}

	@Bean
	ProfileValidator profileValidator(
			FhirContext fhirContext,
			@Qualifier("myInstanceValidator") IInstanceValidatorModule instanceValidator,
			IInterceptorService interceptorService) {
		return new ProfileValidator(fhirContext, instanceValidator, interceptorService);
	}

	@Bean
	StoreProfiles storeProfiles(FhirContext fhirContext, ValidationProperties properties) {
		return StoreProfiles.of(fhirContext, properties.profiles());
	}

	/** Findings on code systems the server does not hold (French NOS terminologies) at the configured severity. */
	@Bean
	StorageInterceptor unknownCodeSystemSeverity(ValidationProperties properties) {
		return new StorageInterceptor(new ValidationMessageUnknownCodeSystemPostProcessingInterceptor(properties.unknownCodeSystems()));
	}

	@Bean
	StorageInterceptor storeProfileValidation(FhirContext fhirContext, StoreProfiles profiles, ProfileValidator validator) {
		return new StorageInterceptor(new StoreProfileValidatingInterceptor(fhirContext, profiles, validator));
	}

	@Bean
	ValidationWarmUp validation(ProfileValidator validator, ConformancePackages packages, ValidationProperties properties) {
		return new ValidationWarmUp(validator, packages, properties.warmUp());
	}

	/**
	 * At start-up, before the CCAM and IG loads: refuses to start when a store-time profile cannot be
	 * resolved (every write of its type would be refused), then starts the warm-up.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	ApplicationRunner validationStartUp(
			StoreProfiles profiles,
			@Qualifier(JpaConfig.JPA_VALIDATION_SUPPORT_CHAIN) IValidationSupport jpaValidationSupportChain,
			ValidationWarmUp warmUp,
			ValidationProperties properties) {
		return args -> {
			profiles.asMap().forEach((type, profile) -> {
				if (jpaValidationSupportChain.fetchStructureDefinition(profile) == null) {
					throw new IllegalStateException("ccamhub.fhir.validation.profiles." + type + ": profile " + profile
							+ " is in none of the validation packages nor the stored StructureDefinitions");
				}
				LOG.info("Store-time validation: every {} written must conform to {}", type, profile);
			});
			if (properties.warmUp()) {
				warmUp.start();
			}
		};
	}
}
