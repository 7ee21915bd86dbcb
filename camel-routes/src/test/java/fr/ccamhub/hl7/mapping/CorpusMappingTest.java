package fr.ccamhub.hl7.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.model.Message;
import fr.ccamhub.hl7.parse.Hl7Decoder;
import fr.ccamhub.hl7.parse.Hl7Parser;
import fr.ccamhub.terminology.ccam.CcamRelease;
import fr.ccamhub.terminology.ccam.CcamReleaseReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every message of the shared real-world corpus, mapped without a server: what it becomes or why it is refused. */
class CorpusMappingTest {

	private static Hl7Parser parser;
	private static Hl7ToFhirMapper mapper;

	@BeforeAll
	static void setUp() {
		CcamRelease v81 = new CcamReleaseReader().read("ccam/V81");
		parser = new Hl7Parser();
		mapper = new Hl7ToFhirMapper(v81, ZoneId.of("Europe/Paris"));
	}

	@ParameterizedTest(name = "{0} -> {1} {2}")
	@CsvSource({
		"fr-pamfr_ADT_A01_admission_SGL.er7, AA, Patient Encounter",
		"fr-pamfr_ADT_A01_consent_DMP_consult-N_feed-opposed.er7, AA, Patient Encounter Practitioner",
		"fr-pamfr_ADT_A03_sortie_SGL.er7, AA, Patient Encounter",
		"hapi_ADT_A01_v2.4_docs-example.hl7, AA, Patient",
		"hapi_ADT_A03_v2.5_PR1.hl7, AA, Patient Procedure",
		"ihe-iti8_ADT_A01_v2.3.1.hl7, AA, Patient",
		"ihe-iti8_ADT_A04_v2.3.1.hl7, AA, Patient",
		"ihe-iti8_ADT_A08_v2.3.1.hl7, AA, Patient",
		"ihe-iti8_ADT_A40_iso-8859-1.hl7, AA, Patient",
		"ihe-iti8_ADT_A01_incomplete_NEGATIVE.hl7, AE, PID",
		"ihe-pcd01_ORU_R01_blood-pressure_maximal.hl7, AA, Observation",
		"ihe-pcd01_ORU_R01_blood-pressure_minimal.hl7, AA, Observation",
		"ipf_ORU_R01_lab_v2.5.hl7, AA, Observation",
		"fr-cisis_ORU_R01_CR-bio_init_N1N3_v2.1.hl7, AA, DocumentReference Binary",
		"fr-cisis_MDM_T02_CR-radio_init_v2.1.er7, AA, DocumentReference Binary",
		"fr-cisis_MDM_T04_CR-radio_delete_v2.0.er7, AA, DocumentReference",
		"hapi_messages-txt_BAR_P01_1_line13.hl7, AA, Patient",
		"fr-cisis_ACK_R01_v2.1.hl7, AR, MSH",
		"fr-cisis_ZAM_Z01_accuse-reception-DMP_v2.1.hl7, AR, MSH",
		"hapi_messages-txt_ORM_O01_1_line105.hl7, AR, MSH",
	})
	void mapsOrRefusesEachCorpusMessage(String file, String expected, String detail) throws Exception {
		Message message = parser.parse(Hl7Decoder.decode(read(file)).text());
		if ("AA".equals(expected)) {
			MappedMessage mapped = mapper.map(message);
			for (String type : detail.split(" ")) {
				assertThat(mapped.transaction().getEntry()).as(file).anySatisfy(e -> assertThat(e.getResource().fhirType()).isEqualTo(type));
			}
		} else {
			try {
				mapper.map(message);
				throw new AssertionError(file + " should have been refused");
			} catch (Hl7Rejection rejection) {
				assertThat(rejection.isReject()).as(rejection.getMessage()).isEqualTo("AR".equals(expected));
				assertThat(rejection.segment()).isEqualTo(detail);
			}
		}
	}

	static byte[] read(String file) throws IOException {
		try (InputStream in = CorpusMappingTest.class.getResourceAsStream("/hl7v2/" + file)) {
			return in.readAllBytes();
		}
	}
}
