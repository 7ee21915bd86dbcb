package fr.ccamhub.interceptors.ins;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class InsIdentityValidatorTest {

	private static final String INS_NIR_TEST = "urn:oid:1.2.250.1.213.1.4.10";
	/** INS-NIR of the ANS PAM FR samples: a woman. */
	private static final String VALID_NIR = "279035121518989";

	@Test
	void acceptsAValidatedIdentityWithItsInsNir() {
		Patient patient = patient(INS_NIR_TEST, VALID_NIR, "VALI");
		patient.setGender(AdministrativeGender.FEMALE);
		assertThat(InsIdentityValidator.problems(patient)).isEmpty();
	}

	@Test
	void namesTheIdentifierWithAWrongKey() {
		assertThat(InsIdentityValidator.problems(patient(INS_NIR_TEST, "279035121518988", null)))
				.singleElement()
				.satisfies(problem -> {
					assertThat(problem.expression()).isEqualTo("Patient.identifier[0].value");
					assertThat(problem.message()).contains("wrong key 88");
				});
	}

	@Test
	void requiresTheUrnOidForm() {
		assertThat(InsIdentityValidator.problems(patient("1.2.250.1.213.1.4.8", VALID_NIR, null)))
				.singleElement().satisfies(problem -> assertThat(problem.expression()).isEqualTo("Patient.identifier[0].system"));
	}

	@Test
	void refusesAValidatedIdentityWithoutIns() {
		Patient patient = patient("urn:oid:1.2.250.1.71.4.2.7", "IPP-1", "VALI");
		assertThat(InsIdentityValidator.problems(patient)).singleElement()
				.satisfies(problem -> assertThat(problem.message()).contains("fr-core-1"));
	}

	@Test
	void refusesAnInsOnAProvisionalIdentity() {
		assertThat(InsIdentityValidator.problems(patient(INS_NIR_TEST, VALID_NIR, "PROV"))).singleElement()
				.satisfies(problem -> assertThat(problem.message()).contains("PROV"));
	}


	@Test
	void leavesPatientsWithoutInsAlone() {
		assertThat(InsIdentityValidator.problems(new Patient())).isEmpty();
	}

	private static Patient patient(String system, String value, String status) {
		Patient patient = new Patient();
		patient.addIdentifier().setSystem(system).setValue(value);
		if (status != null) {
			Extension reliability = patient.addExtension().setUrl(InsIdentityValidator.IDENTITY_RELIABILITY);
			reliability.addExtension("identityStatus",
					new Coding("https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0445", status, null));
		}
		return patient;
	}
}
