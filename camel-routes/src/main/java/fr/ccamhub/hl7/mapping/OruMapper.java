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

	OruMapper(PatientMapper patients, EncounterMapper encounters, ObservationMapper observations) {
		this.patients = patients;
		this.encounters = encounters;
		this.observations = observations;
	}

	MappedMessage map(MessageContext context, SegmentList segments) {
		TransactionBundle transaction = new TransactionBundle();
		PatientContext patient = PatientContext.of(context, segments, patients, encounters, transaction);
		String orderId = context.controlId();
		String effective = context.messageTime();
		int stored = 0;
		List<SegmentList.Located> obxs = new ArrayList<>();
		for (SegmentList.Located segment : segments.all()) {
			if (segment.name().equals("OBR")) {
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
}
