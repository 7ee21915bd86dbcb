package fr.ccamhub.hl7.mapping;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Reference;

/**
 * What MDM and ORU messages say about a document besides its content, in the CI-SIS way: its author in a PRT
 * segment, and whether its producer meant it for the DMP (OBX DESTDMP of the MetaDMPMSS block).
 */
final class DocumentMetadata {

	/** The producer's "this document goes / does not go to the DMP" (CI-SIS OBX DESTDMP), kept as a tag. */
	static final String DMP_DESTINATION_SYSTEM = "https://fhir.ccamhub.fr/CodeSystem/dmp-destination";

	/** Who may not see a document in the DMP (ANS TRE_A07-StatutVisibiliteDocument), as the DMP's JDV_J58 codes it. */
	static final String VISIBILITY_SYSTEM =
			"https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument";

	/** CI-SIS MetaDMPMSS flags (OBX-3.1, value Y) and the visibility codes they stand for. */
	private static final java.util.Map<String, String[]> VISIBILITY_FLAGS = java.util.Map.of(
			"MASQUE_PS", new String[] {"MASQUE_PS", "Masqué aux professionnels de santé"},
			"INVISIBLE_PATIENT", new String[] {"INVISIBLE_PATIENT", "Non visible par le patient"},
			"INVISIBLE_REP_LEGAUX", new String[] {"INVISIBLE_REPRESENTANTS_LEGAUX",
					"Non visible par les représentants légaux du patient"});

	/** PRT-4 participations that name the document's author (CI-SIS: "SB", the sender-author). */
	private static final Set<String> AUTHOR_PARTICIPATIONS = Set.of("SB", "AUT");

	private DocumentMetadata() {}

	/** The practitioner of the first PRT whose participation (PRT-4) names the author, added to the transaction. */
	static Optional<Reference> participatingAuthor(SegmentList segments, TransactionBundle transaction) {
		for (SegmentList.Located prt : segments.named("PRT")) {
			if (AUTHOR_PARTICIPATIONS.contains(Fields.get(prt.segment(), 4, 1))) {
				Optional<Reference> author = PractitionerMapper.reference(prt.segment(), 5, 0, transaction);
				if (author.filter(Reference::hasReference).isPresent()) {
					return author;
				}
			}
		}
		return Optional.empty();
	}

	/** The first of these XCN fields of a segment that names a practitioner by an identifier. */
	static Optional<Reference> firstPractitioner(SegmentList.Located segment, TransactionBundle transaction, int... fields) {
		for (int field : fields) {
			Optional<Reference> practitioner = PractitionerMapper.reference(segment.segment(), field, 0, transaction);
			if (practitioner.filter(Reference::hasReference).isPresent()) {
				return practitioner;
			}
		}
		return Optional.empty();
	}

	/**
	 * The producer's visibility flags (CI-SIS MASQUE_PS, INVISIBLE_PATIENT, INVISIBLE_REP_LEGAUX set to Y) as security
	 * labels, so that a document hidden from the patient or from professionals is shared hidden.
	 */
	static void labelVisibility(DocumentReference document, SegmentList segments) {
		for (SegmentList.Located obx : segments.named("OBX")) {
			String[] visibility = VISIBILITY_FLAGS.get(Fields.get(obx.segment(), 3, 1));
			if (visibility != null && "MetaDMPMSS".equalsIgnoreCase(Fields.get(obx.segment(), 3, 3))
					&& "Y".equalsIgnoreCase(Fields.get(obx.segment(), 5, 1))) {
				document.addSecurityLabel().addCoding().setSystem(VISIBILITY_SYSTEM).setCode(visibility[0])
						.setDisplay(visibility[1]);
			}
		}
	}

	/** Tags the document with the producer's DESTDMP (Y or N), when the message carries one. */
	static void tagDmpDestination(DocumentReference document, SegmentList segments) {
		for (SegmentList.Located obx : segments.named("OBX")) {
			if ("DESTDMP".equals(Fields.get(obx.segment(), 3, 1))
					&& "MetaDMPMSS".equalsIgnoreCase(Fields.get(obx.segment(), 3, 3))) {
				String value = Fields.get(obx.segment(), 5, 1).toUpperCase(Locale.ROOT);
				if (value.equals("Y") || value.equals("N")) {
					document.getMeta().addTag(DMP_DESTINATION_SYSTEM, value,
							value.equals("Y") ? "Destiné au DMP" : "Non destiné au DMP");
				}
			}
		}
	}
}
