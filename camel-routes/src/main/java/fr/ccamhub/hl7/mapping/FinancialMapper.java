package fr.ccamhub.hl7.mapping;

import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Procedure;

/**
 * DFT^P03/P11 and BAR^P01/P12 (and PR1/DG1 carried by ADT): one Procedure per FT1 or PR1, one
 * Condition per DG1, on the patient and stay of PID/PV1.
 */
final class FinancialMapper {

	private final PatientMapper patients;
	private final EncounterMapper encounters;
	private final ProcedureMapper procedures;

	FinancialMapper(PatientMapper patients, EncounterMapper encounters, ProcedureMapper procedures) {
		this.patients = patients;
		this.encounters = encounters;
		this.procedures = procedures;
	}

	MappedMessage map(MessageContext context, SegmentList segments) {
		TransactionBundle transaction = new TransactionBundle();
		PatientContext patient = PatientContext.of(context, segments, patients, encounters, transaction);
		int acts = addActsAndDiagnoses(context, segments, patient, transaction);
		if (acts == 0 && segments.named("DG1").isEmpty() && context.messageType().equals("DFT")) {
			throw Hl7Rejection.error(Hl7Rejection.SEGMENT_SEQUENCE_ERROR, "FT1", 1, 0, 0,
					"DFT^" + context.triggerEvent() + " without FT1 or PR1: there is no act to store");
		}
		return new MappedMessage(context, transaction.bundle(),
				context.messageType() + "^" + context.triggerEvent() + " " + acts + " act(s)");
	}

	/** Adds the Procedures and Conditions of the message; returns the number of acts. */
	int addActsAndDiagnoses(MessageContext context, SegmentList segments, PatientContext patient, TransactionBundle transaction) {
		int acts = 0;
		for (SegmentList.Located segment : segments.all()) {
			Procedure procedure = switch (segment.name()) {
				case "FT1" -> procedures.fromFt1(segment, segments, patient, context, transaction);
				case "PR1" -> procedures.fromPr1(segment, segments, patient, context, transaction);
				default -> null;
			};
			if (procedure != null) {
				transaction.upsert(procedure, procedure.getIdentifierFirstRep());
				acts++;
			}
			if (segment.name().equals("DG1")) {
				Condition condition = procedures.fromDg1(segment, patient, context);
				transaction.upsert(condition, condition.getIdentifierFirstRep());
			}
		}
		return acts;
	}
}
