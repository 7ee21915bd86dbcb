package fr.ccamhub.server.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.support.IValidationSupport.IssueSeverity;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The keys as documented in application.yaml, bound without Spring. */
class ValidationPropertiesTest {

	@Test
	void defaultsShipFrCoreAndTdeWithNoStoreTimeProfile() {
		ValidationProperties properties = bind(Map.of());

		assertThat(properties.packages()).containsExactly(
				"fhir-packages/hl7.fhir.fr.core-2.1.0.tgz", "fhir-packages/ans.fhir.fr.tde-2.0.0-ci.tgz");
		assertThat(properties.profiles()).isEmpty();
		assertThat(properties.unknownCodeSystems()).isEqualTo(IssueSeverity.WARNING);
		assertThat(properties.warmUp()).isTrue();
	}

	@Test
	void bindsProfilesPerTypeAndTheOtherKeys() {
		ValidationProperties properties = bind(Map.of(
				"ccamhub.fhir.validation.profiles.Patient", "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient",
				"ccamhub.fhir.validation.unknown-code-systems", "error",
				"ccamhub.fhir.validation.warm-up", "false"));

		assertThat(properties.profiles()).containsEntry("Patient", "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient");
		assertThat(properties.unknownCodeSystems()).isEqualTo(IssueSeverity.ERROR);
		assertThat(properties.warmUp()).isFalse();
	}

	private static ValidationProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values))
				.bindOrCreate("ccamhub.fhir.validation", ValidationProperties.class);
	}
}
