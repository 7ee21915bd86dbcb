package fr.ccamhub.hl7.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import fr.ccamhub.hl7.parse.Hl7Decoder;
import fr.ccamhub.hl7.parse.Hl7Parser;
import java.time.ZoneId;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** The FR Core shape of a PAM FR patient: legal name with its birth first names, birth place with its INSEE code. */
class PatientMapperTest {

	private final Hl7Parser parser = new Hl7Parser();
	private final PatientMapper mapper = new PatientMapper(new Hl7Dates(ZoneId.of("Europe/Paris")));

	@Test
	void legalNameKeepsOneGivenNameAndTheBirthListInFrCoreExtension() throws Exception {
		Patient patient = map("PID|1||123^^^CHU&1.2.3&ISO^PI||MARTIN^JEANNE^JEANNE MARIE LOUISE^^^^L~DURAND^JEANNE^^^^^D||19800101|F");

		HumanName legal = patient.getName().get(0);
		assertThat(legal.getUse()).isEqualTo(HumanName.NameUse.OFFICIAL);
		assertThat(legal.getGiven()).extracting(Object::toString).containsExactly("JEANNE");
		assertThat(legal.getExtensionByUrl(PatientMapper.BIRTH_LIST_GIVEN_NAME).getValue().primitiveValue())
				.isEqualTo("JEANNE MARIE LOUISE");
		assertThat(patient.getName().get(1).getUse()).isEqualTo(HumanName.NameUse.USUAL);
		assertThat(patient.getName().get(1).hasExtension(PatientMapper.BIRTH_LIST_GIVEN_NAME)).isFalse();
	}

	@Test
	void otherGivenNamesOfAUsedNameStayGivenNames() throws Exception {
		Patient patient = map("PID|1||123^^^CHU&1.2.3&ISO^PI||DURAND^JEANNE^MARIE^^^^D||19800101|F");

		assertThat(patient.getNameFirstRep().getGiven()).extracting(Object::toString).containsExactly("JEANNE", "MARIE");
	}

	@Test
	void birthPlaceAddressBecomesTheBirthPlaceExtensionWithItsInseeCode() throws Exception {
		Patient patient = map("PID|1||123^^^CHU&1.2.3&ISO^PI||MARTIN^JEANNE^JEANNE^^^^L||19800101|F|||"
				+ "28 Av de Breteuil^^PARIS^^75007^FRA^H~^^^^^^BDL^^63220");

		assertThat(patient.getAddress()).hasSize(1);
		assertThat(patient.getAddressFirstRep().getCity()).isEqualTo("PARIS");
		Address birthPlace = (Address) patient.getExtensionByUrl(PatientMapper.BIRTH_PLACE).getValue();
		Coding insee = (Coding) birthPlace.getExtensionByUrl(PatientMapper.ADDRESS_INSEE_CODE).getValue();
		assertThat(insee.getSystem()).isEqualTo(PatientMapper.INSEE_COMMUNE_SYSTEM);
		assertThat(insee.getCode()).isEqualTo("63220");
	}

	@Test
	void noBirthPlaceWithoutBirthAddress() throws Exception {
		Patient patient = map("PID|1||123^^^CHU&1.2.3&ISO^PI||MARTIN^JEANNE^^^^^L||19800101|F|||28 Av de Breteuil^^PARIS^^75007^FRA^H");

		assertThat(patient.hasExtension(PatientMapper.BIRTH_PLACE)).isFalse();
		assertThat(patient.getNameFirstRep().hasExtension(PatientMapper.BIRTH_LIST_GIVEN_NAME)).isFalse();
	}

	private Patient map(String pid) throws Exception {
		String text = "MSH|^~\\&|GAM|CHU|DPI|CHU|20240306111154||ADT^A01^ADT_A01|1|P|2.5\r"
				+ "EVN||20240306111154\r" + pid + "\rPV1|1|I\r";
		Message message = parser.parse(Hl7Decoder.decode(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).text());
		return mapper.map((Segment) message.get("PID"), 1, "urn:local").patient();
	}
}
