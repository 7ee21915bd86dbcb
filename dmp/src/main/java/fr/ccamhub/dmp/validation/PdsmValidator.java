package fr.ccamhub.dmp.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import fr.ccamhub.dmp.bundle.PdsmProfiles;
import fr.ccamhub.dmp.bundle.BundleValidator;
import fr.ccamhub.dmp.bundle.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Validates ITI-65 Bundles against ANS PDSm with HAPI's instance validator, offline: the packages are read from the
 * classpath once (build one per JVM: loading them costs seconds and tens of megabytes). French terminologies (TRE_*,
 * JDV_*) are not published as a package, so their codes are checked for form only (unknown code systems are warnings).
 */
public final class PdsmValidator implements BundleValidator {

	/** PDSm 3.1.1 and what it builds on, shipped in this module's {@code dmp-packages/}. */
	public static final List<String> PACKAGES = List.of(
			"classpath:dmp-packages/hl7.fhir.uv.extensions.r4-5.3.0-ballot-tc1.tgz",
			"classpath:dmp-packages/hl7.fhir.fr.core-2.2.0.tgz",
			"classpath:dmp-packages/ihe.iti.mhd-4.2.1.tgz",
			"classpath:dmp-packages/ans.fhir.fr.annuaire-ci-main.tgz",
			"classpath:dmp-packages/ans.fhir.fr.pdsm-ci-main.tgz");

	private final FhirValidator validator;

	public PdsmValidator(FhirContext fhirContext) {
		NpmPackageValidationSupport packages = new NpmPackageValidationSupport(fhirContext);
		for (String location : PACKAGES) {
			try {
				packages.loadPackageFromClasspath(location);
			} catch (IOException e) {
				throw new UncheckedIOException("cannot load the validation package " + location, e);
			}
		}
		DefaultProfileValidationSupport core = new DefaultProfileValidationSupport(fhirContext);
		UnknownCodeSystemWarningValidationSupport unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(fhirContext);
		unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
		ValidationSupportChain chain = new ValidationSupportChain(packages, core,
				new CoreCanonicalVersionSupport(fhirContext, List.of(core, packages)),
				new CommonCodeSystemsTerminologyService(fhirContext),
				new InMemoryTerminologyServerValidationSupport(fhirContext),
				new SnapshotGeneratingValidationSupport(fhirContext), unknownCodeSystems);
		FhirInstanceValidator module = new FhirInstanceValidator(chain);
		this.validator = fhirContext.newValidator().registerValidatorModule(module);
	}

	/**
	 * Validates against the ITI-65 profile whatever the Bundle declares (the validator only checks the profiles a
	 * resource names), then checks what the profiles cannot: that the Bundle names the profile at all, and that each
	 * attachment's size and SHA-1 are those of the Binary it points to.
	 */
	@Override
	public ValidationReport validate(Bundle provideBundle) {
		return report(validator.validateWithResult(provideBundle,
				new ValidationOptions().addProfile(PdsmProfiles.PROVIDE_BUNDLE)), ProvideBundleChecks.problems(provideBundle));
	}

	/** Validates a resource against one profile of the loaded packages, whatever it declares (e.g. an ITI-67 answer). */
	public ValidationReport validate(org.hl7.fhir.instance.model.api.IBaseResource resource, String profile) {
		return report(validator.validateWithResult(resource, new ValidationOptions().addProfile(profile)), List.of());
	}

	private static ValidationReport report(ValidationResult result, List<String> problems) {
		List<String> errors = new ArrayList<>(problems);
		List<String> warnings = new ArrayList<>();
		for (SingleValidationMessage message : result.getMessages()) {
			String line = message.getLocationString() + " : " + message.getMessage();
			if (message.getSeverity() == ResultSeverityEnum.ERROR || message.getSeverity() == ResultSeverityEnum.FATAL) {
				errors.add(line);
			} else if (message.getSeverity() == ResultSeverityEnum.WARNING) {
				warnings.add(line);
			}
		}
		return new ValidationReport(errors, warnings);
	}
}
