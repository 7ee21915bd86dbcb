package fr.ccamhub.server.synthea;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ResourceType;
import org.junit.jupiter.api.Test;

/** The build generated the Synthea set: 1 hospital, 1 practitioner and 18 patient transaction bundles. */
class SyntheaBundlesIT {

	private final SyntheaBundles set = SyntheaBundles.generated();
	private final FhirContext fhir = FhirContext.forR4Cached();

	@Test
	void buildGeneratedOneHospitalOnePractitionerAndEighteenPatientBundles() {
		assertThat(set.hospitals()).hasSize(1);
		assertThat(set.practitioners()).hasSize(1);
		assertThat(set.patients()).hasSize(SyntheaBundles.PATIENT_BUNDLES);
		List<Path> inOrder = set.inLoadOrder();
		assertThat(inOrder).hasSize(2 + SyntheaBundles.PATIENT_BUNDLES);
		assertThat(inOrder.get(0)).isEqualTo(set.hospitals().get(0));
		assertThat(inOrder.get(1)).isEqualTo(set.practitioners().get(0));
	}

	@Test
	void patientBundlesAreTransactionsStartingWithTheirPatientAndSharedOnesAreBatches() {
		for (Path file : set.patients()) {
			Bundle bundle = parse(file);
			assertThat(bundle.getType()).as(file.toString()).isEqualTo(Bundle.BundleType.TRANSACTION);
			assertThat(bundle.getEntryFirstRep().getResource().getResourceType()).as(file.toString())
					.isEqualTo(ResourceType.Patient);
		}
		for (Path file : List.of(set.hospitals().get(0), set.practitioners().get(0))) {
			Bundle bundle = parse(file);
			assertThat(bundle.getType()).as(file.toString()).isEqualTo(Bundle.BundleType.BATCH);
			assertThat(bundle.getEntry()).as(file.toString()).hasSizeGreaterThan(100);
		}
	}

	private Bundle parse(Path file) {
		return fhir.newJsonParser().parseResource(Bundle.class, SyntheaBundles.read(file));
	}
}
