package fr.ccamhub.server.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import fr.ccamhub.interceptors.audit.AuditEventShape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped packages and the IG, read from the classpath alone. */
class ConformancePackagesTest {

	private static final FhirContext FHIR = FhirContext.forR4Cached();

	@Test
	void holdsFrCoreTdeAndTheCcamhubIg() {
		ConformancePackages packages = ConformancePackages.load(FHIR,
				List.of("fhir-packages/hl7.fhir.fr.core-2.1.0.tgz", "fhir-packages/ans.fhir.fr.tde-2.0.0-ci.tgz"));

		assertThat(packages.support().fetchStructureDefinition(WarmUpResources.FR_CORE_PATIENT_INS)).isNotNull();
		assertThat(packages.support().fetchStructureDefinition(AuditEventShape.TDE_PROFILE)).isNotNull();
		assertThat(packages.support().fetchValueSet("https://hl7.fr/ig/fhir/core/ValueSet/fr-core-vs-patient-gender-INS")).isNotNull();
		assertThat(packages.support().fetchStructureDefinition("https://fhir.ccamhub.fr/StructureDefinition/ccam-activite")).isNotNull();
		assertThat(packages.igResourceCount()).isPositive();
		assertThat(packages.resourceCount()).isGreaterThan(200);
	}

	@Test
	void aMissingPackageIsAClearError() {
		assertThatThrownBy(() -> ConformancePackages.load(FHIR, List.of("fhir-packages/absent.tgz")))
				.hasMessageContaining("fhir-packages/absent.tgz");
	}
}
