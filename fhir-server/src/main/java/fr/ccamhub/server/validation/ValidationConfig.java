package fr.ccamhub.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.config.JpaConfig;
import ca.uhn.fhir.rest.server.interceptor.validation.ValidationMessageUnknownCodeSystemPostProcessingInterceptor;
import ca.uhn.fhir.validation.IInstanceValidatorModule;
import fr.ccamhub.server.fhir.StorageInterceptor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
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

	@Bean
	ProfileValidator profileValidator(
			FhirContext fhirContext,
			@Qualifier("myInstanceValidator") IInstanceValidatorModule instanceValidator,
			IInterceptorService interceptorService) {
		// A profile a resource declares but the server does not hold is a warning: every AuditEvent declares BALP's
		// IHE.BasicAudit.* profiles, whose package is not available offline. A profile asked for (profile=, store-time)
		// must still resolve: HAPI reports it as an error.
		((FhirInstanceValidator) instanceValidator).setErrorForUnknownProfiles(false);
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

	/** Stops the validation chains' cache threads with the server (HAPI leaves them running). */
	@Bean
	ValidationChainExecutors validationChainExecutors(List<IValidationSupport> validationSupports) {
		return new ValidationChainExecutors(validationSupports.stream()
				.filter(ValidationSupportChain.class::isInstance)
				.map(ValidationSupportChain.class::cast)
				.toList());
	}

	/** The health indicator {@code validation}, part of the readiness group. */
	@Bean
	ValidationWarmUp validation(ProfileValidator validator, ValidationProperties properties) {
		return new ValidationWarmUp(validator, properties.warmUp());
	}

	/**
	 * The packages are read on their own thread while the rest of the context is built, and joined to
	 * the JPA chain once every bean exists: before the HTTP and MLLP listeners start, so that no
	 * validation ever runs without them. Then the warm-up starts.
	 */
	@Bean
	SmartInitializingSingleton validationPackages(
			FhirContext fhirContext,
			ValidationProperties properties,
			@Qualifier(JpaConfig.JPA_VALIDATION_SUPPORT_CHAIN) IValidationSupport jpaValidationSupportChain,
			ValidationWarmUp warmUp) {
		CompletableFuture<ConformancePackages> loading = ConformancePackages.loadInBackground(fhirContext, properties.packages());
		return () -> {
			long waitStart = System.nanoTime();
			ConformancePackages packages = loading.join();
			ValidationSupportChain chain = (ValidationSupportChain) jpaValidationSupportChain;
			chain.addValidationSupport(packages.support());
			chain.addValidationSupport(new StringifiedProfileUrlSupport(fhirContext, chain));
			LOG.info("Validation packages {} and {} IG resources loaded in {} ms in the background ({} conformance resources; "
							+ "start-up waited {} ms for them)",
					packages.packages(), packages.igResourceCount(), packages.loadTime().toMillis(), packages.resourceCount(),
					(System.nanoTime() - waitStart) / 1_000_000);
			warmUp.start(packages);
		};
	}

	/** Refuses to start when a store-time profile cannot be resolved: every write of its type would be refused. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	ApplicationRunner storeProfilesCheck(
			StoreProfiles profiles,
			@Qualifier(JpaConfig.JPA_VALIDATION_SUPPORT_CHAIN) IValidationSupport jpaValidationSupportChain) {
		return args -> profiles.asMap().forEach((type, profile) -> {
			if (jpaValidationSupportChain.fetchStructureDefinition(profile) == null) {
				throw new IllegalStateException("ccamhub.fhir.validation.profiles." + type + ": profile " + profile
						+ " is in none of the validation packages nor the stored StructureDefinitions");
			}
			LOG.info("Store-time validation: every {} written must conform to {}", type, profile);
		});
	}
}
