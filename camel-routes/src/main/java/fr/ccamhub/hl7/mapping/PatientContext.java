package fr.ccamhub.hl7.mapping;

import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Reference;

/**
 * Patient and stay of a clinical or billing message (ORU, DFT, BAR, MDM). Unlike ADT, these
 * messages never overwrite what ADT recorded: the patient and stay are only created if unknown.
 */
final class PatientContext {

	final Reference patient;
	final Reference encounter;

	private PatientContext(Reference patient, Reference encounter) {
		this.patient = patient;
		this.encounter = encounter;
	}

	/** The patient and stay an ADT message has just put in the transaction. */
	static PatientContext known(String patientUrl, String encounterUrl) {
		return new PatientContext(new Reference(patientUrl), encounterUrl == null ? null : new Reference(encounterUrl));
	}

	static PatientContext of(MessageContext context, SegmentList segments, PatientMapper patients, EncounterMapper encounters,
			TransactionBundle transaction) {
		SegmentList.Located pid = segments.required("PID", "the message must say which patient it is about");
		PatientMapper.MappedPatient mapped = patients.map(pid.segment(), pid.occurrence(), context.senderSystem("patient"));
		String patientUrl = transaction.createIfAbsent(mapped.patient(), mapped.key());
		Reference encounter = segments.first("PV1")
				.flatMap(pv1 -> encounters.map(pv1.segment(), null, patientUrl, Encounter.EncounterStatus.INPROGRESS, transaction))
				.map(mappedEncounter -> new Reference(transaction.createIfAbsent(mappedEncounter, EncounterMapper.key(mappedEncounter))))
				.orElse(null);
		return new PatientContext(new Reference(patientUrl), encounter);
	}
}
