package fr.ccamhub.hl7.mapping;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;

/**
 * ORU^R01: results and device vitals. Each valued OBX becomes an Observation identified by the
 * order (OBR-3, else OBR-2, else MSH-10) and its set id, so a corrected result (OBX-11 = C)
 * replaces the first one instead of adding a second. Embedded documents (ED) become
 * DocumentReference + Binary. Document metadata OBX of the CI-SIS (system MetaDMPMSS) are not
 * observations and are skipped.
 */
final class OruMapper {

	private final PatientMapper patients;
	private final EncounterMapper encounters;
	private final ObservationMapper observations;
	private final Hl7Dates dates;

	OruMapper(PatientMapper patients, EncounterMapper encounters, ObservationMapper observations, Hl7Dates dates) {
		this.patients = patients;
		this.encounters = encounters;
		this.observations = observations;
		this.dates = dates;
	}

	MappedMessage map(MessageContext context, SegmentList segments) {
		TransactionBundle transaction = new TransactionBundle();
		PatientContext patient = PatientContext.of(context, segments, patients, encounters, transaction);
		String orderId = context.controlId();
		String effective = context.messageTime();
		int stored = 0;
		List<SegmentList.Located> obxs = new ArrayList<>();
		SegmentList.Located order = null;
		for (SegmentList.Located segment : segments.all()) {
			if (segment.name().equals("OBR")) {
				order = segment;
				String filler = Fields.get(segment.segment(), 3, 1);
				String placer = Fields.get(segment.segment(), 2, 1);
				orderId = !filler.isEmpty() ? filler : !placer.isEmpty() ? placer : context.controlId();
				String observed = Fields.get(segment.segment(), 7);
				effective = observed.isEmpty() ? context.messageTime() : observed;
			} else if (segment.name().equals("OBX")) {
				obxs.add(segment);
				if ("MetaDMPMSS".equalsIgnoreCase(Fields.get(segment.segment(), 3, 3))) {
					continue;
				}
				if ("ED".equals(Fields.get(segment.segment(), 2))) {
					Identifier id = new Identifier().setSystem(context.senderSystem("document")).setValue(orderId);
					DocumentReference document = DocumentMapper.map(segment, patient, id,
							Codings.codeableConcept(segment.segment(), 3, 0), Enumerations.DocumentReferenceStatus.CURRENT, transaction);
					describe(document, segment, order, segments, transaction);
					transaction.upsert(document, id);
					stored++;
					continue;
				}
				var observation = observations.map(segment, segments, patient, orderId, effective, context);
				if (observation.isPresent()) {
					Observation value = observation.get();
					transaction.upsert(value, value.getIdentifierFirstRep());
					stored++;
				}
			}
		}
		if (obxs.isEmpty()) {
			throw Hl7Rejection.error(Hl7Rejection.SEGMENT_SEQUENCE_ERROR, "OBX", 1, 0, 0,
					"ORU^R01 without any OBX: there is no result to store");
		}
		return new MappedMessage(context, transaction.bundle(), "ORU^R01 " + stored + " result(s)");
	}

	/**
	 * A report's metadata for sharing: written when the results were (OBR-7, else OBR-22, else the message), final
	 * when the result is (OBX-11 F or C, else OBR-25), by the PRT author, else OBR-32 (principal result interpreter),
	 * else OBR-16 (ordering provider); and the producer's DESTDMP.
	 */
	private void describe(DocumentReference document, SegmentList.Located obx, SegmentList.Located order,
			SegmentList segments, TransactionBundle transaction) {
		String resultStatus = Fields.get(obx.segment(), 11);
		if (order != null) {
			dates.dateTime(Fields.get(order.segment(), 7, 1)).or(() -> dates.dateTime(Fields.get(order.segment(), 22, 1)))
					.ifPresent(date -> document.setDate(date.getValue()));
			if (resultStatus.isEmpty()) {
				resultStatus = Fields.get(order.segment(), 25);
			}
		}
		switch (resultStatus.toUpperCase(java.util.Locale.ROOT)) {
			case "F" -> document.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
			case "C" -> document.setDocStatus(DocumentReference.ReferredDocumentStatus.AMENDED);
			case "P", "R", "I", "S" -> document.setDocStatus(DocumentReference.ReferredDocumentStatus.PRELIMINARY);
			default -> { }
		}
		java.util.Optional<org.hl7.fhir.r4.model.Reference> author = DocumentMetadata.participatingAuthor(segments, transaction);
		if (author.isEmpty() && order != null) {
			author = DocumentMetadata.firstPractitioner(order, transaction, 32, 16);
		}
		author.ifPresent(document::addAuthor);
		DocumentMetadata.tagDmpDestination(document, segments);
		DocumentMetadata.labelVisibility(document, segments);
	}
}
