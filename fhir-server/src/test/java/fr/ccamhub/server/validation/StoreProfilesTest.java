package fr.ccamhub.server.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreProfilesTest {

	private static final FhirContext FHIR = FhirContext.forR4Cached();
	private static final String FR_CORE_PATIENT = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient";

	@Test
	void matchesResourceTypesWhateverTheCaseOfTheKey() {
		StoreProfiles profiles = StoreProfiles.of(FHIR, Map.of("patient", FR_CORE_PATIENT, "AUDITEVENT", "https://x/tde"));

		assertThat(profiles.profileOf("Patient")).contains(FR_CORE_PATIENT);
		assertThat(profiles.profileOf("AuditEvent")).contains("https://x/tde");
		assertThat(profiles.profileOf("Observation")).isEmpty();
	}

	@Test
	void refusesAKeyThatIsNoResourceType() {
		assertThatThrownBy(() -> StoreProfiles.of(FHIR, Map.of("Patients", FR_CORE_PATIENT)))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Patients' is not a FHIR resource type");
	}

	@Test
	void refusesABlankProfile() {
		assertThatThrownBy(() -> StoreProfiles.of(FHIR, Map.of("Patient", " ")))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a profile canonical");
	}

	@Test
	void emptyMeansOff() {
		assertThat(StoreProfiles.of(FHIR, Map.of()).isEmpty()).isTrue();
	}
}
