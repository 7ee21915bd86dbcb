package fr.ccamhub.server.validation;

import ca.uhn.fhir.context.support.IValidationSupport.IssueSeverity;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Profile validation ({@code ccamhub.fhir.validation}): the conformance packages the validator
 * reads, the profiles every write of a type must conform to, and how start-up prepares it.
 *
 * @param packages classpath locations of the FHIR NPM packages ({@code .tgz}) to validate against
 * @param profiles resource type to profile canonical: writes of that type that do not conform are
 *     refused (422); empty = no store-time profile validation
 * @param unknownCodeSystems severity given to "code system unknown" findings (the French NOS
 *     terminologies are not shipped, so bindings to them cannot be checked)
 * @param warmUp prepare the validator in the background at start-up, with readiness down until it
 *     is done; off, the first validation pays for it
 */
@ConfigurationProperties("ccamhub.fhir.validation")
public record ValidationProperties(
		@DefaultValue({"fhir-packages/hl7.fhir.fr.core-2.1.0.tgz", "fhir-packages/ans.fhir.fr.tde-2.0.0-ci.tgz"})
		List<String> packages,
		Map<String, String> profiles,
		@DefaultValue("warning") IssueSeverity unknownCodeSystems,
		@DefaultValue("true") boolean warmUp) {

	public ValidationProperties {
		packages = List.copyOf(packages);
		profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
	}
}
