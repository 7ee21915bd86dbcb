package fr.ccamhub.hl7.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ccamhub.hl7.parse.Hl7Decoder;
import fr.ccamhub.hl7.parse.Hl7Parser;
import fr.ccamhub.terminology.ccam.CcamReleaseReader;
import java.time.ZoneId;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the DMP needs of a CI-SIS document besides its content: author, date, completion, the producer's DESTDMP. */
class DocumentMetadataMappingTest {

	private static Hl7ToFhirMapper mapper;
	private static final Hl7Parser PARSER = new Hl7Parser();

	@BeforeAll
	static void setUp() {
		mapper = new Hl7ToFhirMapper(new CcamReleaseReader().read("ccam/V81"), ZoneId.of("Europe/Paris"));
	}

	@Test
	void anMdmReportNamesItsAuthorByIdNatPsItsDateItsCompletionAndItsDmpDestination() throws Exception {
		Bundle transaction = map("fr-cisis_MDM_T02_CR-radio_init_v2.1.er7");
		DocumentReference document = only(transaction, DocumentReference.class);
		Practitioner author = only(transaction, Practitioner.class);

		assertThat(document.getAuthorFirstRep().getReference()).isEqualTo(entryUrlOf(transaction, author));
		assertThat(author.getIdentifier()).anySatisfy(identifier -> {
			assertThat(identifier.getSystem()).isEqualTo("urn:oid:1.2.250.1.71.4.2.1");
			assertThat(identifier.getValue()).isEqualTo("801234564895");
		});
		// TXA-4 202212160932, in the feed's zone (Europe/Paris, winter time).
		assertThat(document.getDate().toInstant()).isEqualTo(java.time.Instant.parse("2022-12-16T08:32:00Z"));
		assertThat(document.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.FINAL);
		assertThat(document.getMeta().getTag(DocumentMetadata.DMP_DESTINATION_SYSTEM, "Y")).isNotNull();
		// The sample hides the report from the patient and their legal representatives, not from professionals.
		assertThat(document.getSecurityLabel()).flatExtracting(label -> label.getCoding())
				.extracting(coding -> coding.getCode())
				.containsExactlyInAnyOrder("INVISIBLE_PATIENT", "INVISIBLE_REPRESENTANTS_LEGAUX");
	}

	@Test
	void aLabReportOverOruNamesItsAuthorAndIsFinal() throws Exception {
		Bundle transaction = map("fr-cisis_ORU_R01_CR-bio_init_N1N3_v2.1.hl7");
		List<DocumentReference> documents = all(transaction, DocumentReference.class);

		assertThat(documents).isNotEmpty().allSatisfy(document -> {
			assertThat(document.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.FINAL);
			assertThat(document.getAuthor()).hasSize(1);
		});
		assertThat(all(transaction, Practitioner.class)).anySatisfy(practitioner -> assertThat(practitioner.getIdentifier())
				.anySatisfy(identifier -> assertThat(identifier.getValue()).isEqualTo("801234567866")));
	}

	@Test
	void aTwelveDigitIdNatPsTypedRppsIsKeptAsItIs() throws Exception {
		Bundle transaction = map("fr-cisis_MDM_T10_CR-radio_replace_v2.0.er7");
		Practitioner author = only(transaction, Practitioner.class);

		assertThat(author.getIdentifier()).anySatisfy(identifier -> {
			assertThat(identifier.getSystem()).isEqualTo("urn:oid:1.2.250.1.71.4.2.1");
			assertThat(identifier.getValue()).isEqualTo("801234564895");
		});
		assertThat(author.getIdentifier()).anySatisfy(identifier -> {
			assertThat(identifier.getSystem()).isEqualTo("https://rpps.esante.gouv.fr");
			assertThat(identifier.getValue()).isEqualTo("01234564895");
		});
	}

	private static Bundle map(String file) throws Exception {
		return mapper.map(PARSER.parse(Hl7Decoder.decode(CorpusMappingTest.read(file)).text())).transaction();
	}

	private static <T> T only(Bundle transaction, Class<T> type) {
		List<T> found = all(transaction, type);
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static <T> List<T> all(Bundle transaction, Class<T> type) {
		return transaction.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
				.map(type::cast).toList();
	}

	private static String entryUrlOf(Bundle transaction, Object resource) {
		return transaction.getEntry().stream().filter(entry -> entry.getResource() == resource).findFirst().orElseThrow()
				.getFullUrl();
	}
}
