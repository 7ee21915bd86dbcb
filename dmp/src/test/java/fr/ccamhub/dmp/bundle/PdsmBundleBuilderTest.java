package fr.ccamhub.dmp.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import fr.ccamhub.dmp.validation.PdsmValidator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.ListResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PdsmBundleBuilderTest {

	private static final FhirContext FHIR = FhirContext.forR4Cached();
	private static PdsmValidator validator;

	private final PdsmBundleBuilder builder = new PdsmBundleBuilder(SampleDocuments.settings(),
			Clock.fixed(Instant.parse("2026-12-08T09:00:00Z"), ZoneOffset.UTC));

	@BeforeAll
	static void loadValidator() {
		validator = new PdsmValidator(FHIR);
	}

	@Test
	void a_document_with_author_and_qualified_ins_gives_a_bundle_that_validates_against_pdsm() {
		ProvideBundle provide = builder.build(SampleDocuments.document(), "urn:oid:1.2.250.1.71.4.2.2.120456789.71024000081", 5);

		ValidationReport report = validator.validate(provide.bundle());

		assertThat(report.errors()).isEmpty();
		assertThat(provide.submissionSetId()).isEqualTo("urn:oid:1.2.250.1.999.1.1.7.1.5");
		assertThat(provide.bundle().getEntry()).extracting(entry -> entry.getRequest().getUrl())
				.containsExactly("List", "DocumentReference", "Binary");
	}

	@Test
	void the_shared_document_carries_the_ins_the_size_and_sha1_of_its_content_and_the_structure_as_custodian() {
		Bundle bundle = builder.build(SampleDocuments.document(), "urn:oid:1.2.3", 5).bundle();
		DocumentReference shared = (DocumentReference) bundle.getEntry().get(1).getResource();

		assertThat(shared.getSubject().getIdentifier().getValue()).isEqualTo(SampleDocuments.INS);
		assertThat(shared.getMasterIdentifier().getValue()).isEqualTo("urn:oid:1.2.3");
		assertThat(shared.getContentFirstRep().getAttachment().getSize()).isEqualTo(SampleDocuments.PDF.length);
		assertThat(shared.getContentFirstRep().getAttachment().getHash()).hasSize(20);
		assertThat(shared.getContentFirstRep().getAttachment().getUrl()).isEqualTo(bundle.getEntry().get(2).getFullUrl());
		assertThat(shared.getCustodian().getReference()).isEqualTo("#etablissement");
		assertThat(shared.getContained()).anySatisfy(resource -> assertThat(FHIR.newJsonParser().encodeResourceToString(resource))
				.contains("810101201234").contains("10101201234"));
	}

	@Test
	void a_document_hidden_from_the_patient_is_shared_hidden_and_still_validates() {
		SharedDocument original = SampleDocuments.document();
		original.documentReference().addSecurityLabel().addCoding().setSystem(PdsmProfiles.VISIBILITY)
				.setCode("INVISIBLE_PATIENT");

		Bundle bundle = builder.build(original, "urn:oid:1.2.3", 5).bundle();

		DocumentReference shared = (DocumentReference) bundle.getEntry().get(1).getResource();
		assertThat(shared.getSecurityLabel()).flatExtracting(label -> label.getCoding())
				.extracting(coding -> coding.getCode()).containsExactly("N", "INVISIBLE_PATIENT");
		assertThat(validator.validate(bundle).errors()).isEmpty();
	}

	@Test
	void the_same_document_always_gives_the_same_identifiers() {
		Bundle first = builder.build(SampleDocuments.document(), "urn:oid:1.2.3", 5).bundle();
		Bundle again = builder.build(SampleDocuments.document(), "urn:oid:1.2.3", 5).bundle();

		assertThat(again.getEntry()).extracting(Bundle.BundleEntryComponent::getFullUrl)
				.isEqualTo(first.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).toList());
		assertThat(((ListResource) again.getEntry().get(0).getResource()).getIdentifier())
				.extracting(identifier -> identifier.getValue())
				.isEqualTo(((ListResource) first.getEntry().get(0).getResource()).getIdentifier().stream()
						.map(identifier -> identifier.getValue()).toList());
	}

	@Test
	void a_replacement_names_the_replaced_document_and_supersedes_it_where_the_recipient_keeps_it() {
		SharedDocument original = SampleDocuments.document();
		SharedDocument replacement = new SharedDocument(original.documentReference(), original.content(),
				original.patient(), original.authors(), Optional.of("urn:oid:1.2.3"), Optional.of("DocumentReference/77"));

		Bundle bundle = builder.build(replacement, "urn:oid:1.2.4", 6).bundle();

		DocumentReference shared = (DocumentReference) bundle.getEntry().get(1).getResource();
		assertThat(shared.getRelatesToFirstRep().getCode()).isEqualTo(DocumentReference.DocumentRelationshipType.REPLACES);
		assertThat(shared.getRelatesToFirstRep().getTarget().getIdentifier().getValue()).isEqualTo("urn:oid:1.2.3");
		assertThat(bundle.getEntry().get(3).getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.PATCH);
		assertThat(bundle.getEntry().get(3).getRequest().getUrl()).isEqualTo("DocumentReference/77");
		assertThat(validator.validate(bundle).errors()).isEmpty();
	}

	@Test
	void a_document_without_an_identified_author_is_refused_with_a_readable_reason() {
		SharedDocument original = SampleDocuments.document();
		SharedDocument anonymous = new SharedDocument(original.documentReference(), original.content(),
				original.patient(), List.of(), Optional.empty(), Optional.empty());

		assertThatThrownBy(() -> builder.build(anonymous, "urn:oid:1.2.3", 5))
				.isInstanceOf(IncompleteDocumentException.class).hasMessageContaining("RPPS");
	}

	@Test
	void a_bundle_that_does_not_name_its_profile_or_whose_hash_is_wrong_does_not_validate() {
		Bundle bundle = builder.build(SampleDocuments.document(), "urn:oid:1.2.3", 5).bundle();
		bundle.setMeta(null);
		((DocumentReference) bundle.getEntry().get(1).getResource()).getContentFirstRep().getAttachment()
				.setHash(new byte[20]);

		assertThat(validator.validate(bundle).errors())
				.anySatisfy(error -> assertThat(error).contains("meta.profile"))
				.anySatisfy(error -> assertThat(error).contains("SHA-1"));
	}

	@Test
	void a_bundle_without_custodian_does_not_validate() {
		Bundle bundle = builder.build(SampleDocuments.document(), "urn:oid:1.2.3", 5).bundle();
		((DocumentReference) bundle.getEntry().get(1).getResource()).setCustodian(null);

		assertThat(validator.validate(bundle).errors()).isNotEmpty();
	}
}
