package fr.ccamhub.hl7.mapping;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;

/**
 * MDM^T02 (new document), T10 (replacement) and T04 (document status change, used by the CI-SIS
 * to withdraw a document): the document of TXA-12 (unique document number) with its content from
 * the ED OBX as DocumentReference + Binary. A replacement names the document it replaces (TXA-13,
 * parent document number) in {@code relatesTo}; a withdrawal marks the document entered-in-error.
 */
final class MdmMapper {

	private final PatientMapper patients;
	private final EncounterMapper encounters;
	private final Hl7Dates dates;

	MdmMapper(PatientMapper patients, EncounterMapper encounters, Hl7Dates dates) {
		this.patients = patients;
		this.encounters = encounters;
		this.dates = dates;
	}

	MappedMessage map(MessageContext context, SegmentList segments) {
		TransactionBundle transaction = new TransactionBundle();
		PatientContext patient = PatientContext.of(context, segments, patients, encounters, transaction);
		SegmentList.Located txa = segments.required("TXA", "an MDM message describes its document in TXA");
		String documentNumber = Fields.get(txa.segment(), 12, 1);
		if (documentNumber.isEmpty()) {
			throw Hl7Rejection.error(Hl7Rejection.REQUIRED_FIELD_MISSING, "TXA", 1, 12, 1,
					"TXA-12 (unique document number) is empty: the document cannot be identified");
		}
		Identifier id = new Identifier().setSystem(context.senderSystem("document")).setValue(documentNumber);
		CodeableConcept type = new CodeableConcept().setText(Fields.get(txa.segment(), 2, 1));
		if (!Fields.get(txa.segment(), 2, 1).isEmpty()) {
			type.addCoding().setSystem("http://loinc.org").setCode(Fields.get(txa.segment(), 2, 1));
		}
		SegmentList.Located content = segments.named("OBX").stream()
				.filter(obx -> "ED".equals(Fields.get(obx.segment(), 2)))
				.findFirst()
				.orElseThrow(() -> Hl7Rejection.error(Hl7Rejection.SEGMENT_SEQUENCE_ERROR, "OBX", 1, 2, 0,
						"MDM^" + context.triggerEvent() + " without an OBX of type ED: no document content"));
		Enumerations.DocumentReferenceStatus status = "T04".equals(context.triggerEvent())
				? Enumerations.DocumentReferenceStatus.ENTEREDINERROR
				: Enumerations.DocumentReferenceStatus.CURRENT;
		DocumentReference document = DocumentMapper.map(content, patient, id, type, status, transaction);
		describe(document, txa, segments, transaction);
		String parent = Fields.get(txa.segment(), 13, 1);
		if ("T10".equals(context.triggerEvent()) && !parent.isEmpty()) {
			document.addRelatesTo()
					.setCode(DocumentReference.DocumentRelationshipType.REPLACES)
					.setTarget(new org.hl7.fhir.r4.model.Reference()
							.setIdentifier(new Identifier().setSystem(context.senderSystem("document")).setValue(parent)));
		}
		transaction.upsert(document, id);
		return new MappedMessage(context, transaction.bundle(), "MDM^" + context.triggerEvent() + " document " + documentNumber);
	}

	/**
	 * What the DMP needs of a document beyond its content: when it was written (TXA-6 origination, else TXA-4
	 * activity), whether it is final (TXA-17: AU/LA authenticated, DI/DO/IN/IP/PA not yet), who wrote it (PRT author,
	 * else TXA-9 originator, TXA-22 authenticator, TXA-5 provider) and whether its producer meant it for the DMP
	 * (OBX DESTDMP of the CI-SIS MetaDMPMSS block).
	 */
	private void describe(DocumentReference document, SegmentList.Located txa, SegmentList segments,
			TransactionBundle transaction) {
		dates.dateTime(Fields.get(txa.segment(), 6, 1)).or(() -> dates.dateTime(Fields.get(txa.segment(), 4, 1)))
				.ifPresent(date -> document.setDate(date.getValue()));
		switch (Fields.get(txa.segment(), 17, 1).toUpperCase(java.util.Locale.ROOT)) {
			case "AU", "LA" -> document.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
			case "DI", "DO", "IN", "IP", "PA" -> document.setDocStatus(DocumentReference.ReferredDocumentStatus.PRELIMINARY);
			default -> { }
		}
		DocumentMetadata.participatingAuthor(segments, transaction)
				.or(() -> DocumentMetadata.firstPractitioner(txa, transaction, 9, 22, 5))
				.ifPresent(document::addAuthor);
		DocumentMetadata.tagDmpDestination(document, segments);
		DocumentMetadata.labelVisibility(document, segments);
	}
}
