package fr.ccamhub.bench.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.util.SplittableRandom;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class FrenchResourcesTest {

	private static final IParser PARSER = FhirContext.forR4Cached().newJsonParser().setParserErrorHandler(new StrictErrorHandler());

	@Test
	void aPatientIsKnownByItsIppNotByAnIns() {
		Patient patient = PARSER.parseResource(Patient.class, FrenchResources.patient("BENCH-1", 3));

		assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo("urn:oid:1.2.250.1.71.4.2.7");
		assertThat(patient.getIdentifierFirstRep().getType().getCodingFirstRep().getCode()).isEqualTo("PI");
		assertThat(patient.getNameFirstRep().getFamily()).isNotBlank();
		assertThat(patient.getBirthDate()).isNotNull();
		assertThat(patient.getIdentifier()).noneMatch(identifier -> identifier.getSystem().startsWith("urn:oid:1.2.250.1.213.1.4."));
	}

	@Test
	void aConsultationIsAConditionalPatientAnEncounterAndThreeVitalSigns() {
		Bundle bundle = PARSER.parseResource(Bundle.class,
				FrenchResources.consultationTransaction("BENCH-2", 7, new SplittableRandom(1)));

		assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
		assertThat(bundle.getEntry()).extracting(entry -> entry.getResource().fhirType())
				.containsExactly("Patient", "Encounter", "Observation", "Observation", "Observation");
		assertThat(bundle.getEntryFirstRep().getRequest().getIfNoneExist())
				.isEqualTo("identifier=urn:oid:1.2.250.1.71.4.2.7|BENCH-2");
		Observation heartRate = (Observation) bundle.getEntry().get(2).getResource();
		assertThat(heartRate.getCode().getCodingFirstRep().getCode()).isEqualTo("8867-4");
		assertThat(heartRate.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("vital-signs");
		assertThat(heartRate.getValueQuantity().getSystem()).isEqualTo("http://unitsofmeasure.org");
		assertThat(heartRate.getSubject().getReference()).isEqualTo(bundle.getEntryFirstRep().getFullUrl());
		assertThat(heartRate.getEncounter().getReference()).isEqualTo(bundle.getEntry().get(1).getFullUrl());
	}

	@Test
	void aSeriesHoldsItsComplaintsInValueStringWhereContentSearchFindsThem() {
		Bundle bundle = PARSER.parseResource(Bundle.class,
				FrenchResources.heartRateSeries("Patient/1", 30, new SplittableRandom(2), 5));

		assertThat(bundle.getEntry()).hasSize(30);
		assertThat(bundle.getEntry()).filteredOn(entry -> ((Observation) entry.getResource()).hasValueStringType())
				.hasSize(6)
				.allMatch(entry -> ((Observation) entry.getResource()).getValueStringType().getValue().toLowerCase()
						.contains(FrenchResources.CONTENT_WORD));
		assertThat(PARSER.parseResource(Bundle.class, FrenchResources.heartRateSeries("Patient/1", 100, new SplittableRandom(3), 0))
				.getEntry()).hasSize(100).noneMatch(entry -> ((Observation) entry.getResource()).hasValueStringType());
	}

	@Test
	void idsAreReadFromLocations() {
		assertThat(SetupData.idOf("Observation/123/_history/1")).isEqualTo("123");
		assertThat(SetupData.idOf("http://127.0.0.1:18080/fhir/Patient/abc")).isEqualTo("abc");
	}

	@Test
	void percentilesAreInMilliseconds() {
		LatencyRecorder recorder = new LatencyRecorder();
		for (int millis = 1; millis <= 100; millis++) {
			recorder.record(millis * 1_000_000L);
		}
		assertThat(recorder.count()).isEqualTo(100);
		assertThat(recorder.percentileMillis(50)).isBetween(49.9, 50.1);
		assertThat(recorder.percentileMillis(99)).isBetween(98.9, 99.1);
		assertThat(recorder.maxMillis()).isBetween(99.9, 100.1);
	}
}
