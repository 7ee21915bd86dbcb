package fr.ccamhub.hl7.mapping;

import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/**
 * ADT A01 (admit), A04 (register), A08 (update), A03 (discharge) and A40 (merge): the patient is
 * created or updated from PID, the stay from PV1 (and ZBE), acts and diagnoses from PR1/DG1 when
 * present, the DMP sharing choice from PAM FR ZFA; A40 marks the patient of MRG-1 as replaced by the surviving one.
 */
final class AdtMapper {

	private final PatientMapper patients;
	private final EncounterMapper encounters;
	private final FinancialMapper acts;
	private final DmpConsentMapper consents;

	AdtMapper(PatientMapper patients, EncounterMapper encounters, FinancialMapper acts, DmpConsentMapper consents) {
		this.patients = patients;
		this.encounters = encounters;
		this.acts = acts;
		this.consents = consents;
	}

	MappedMessage map(MessageContext context, SegmentList segments) {
		SegmentList.Located pid = segments.required("PID", "an ADT message is about a patient");
		TransactionBundle transaction = new TransactionBundle();
		PatientMapper.MappedPatient mapped = patients.map(pid.segment(), pid.occurrence(), context.senderSystem("patient"));
		String patientUrl = transaction.upsert(mapped.patient(), mapped.key());
		segments.first("ZFA").flatMap(zfa -> consents.map(zfa, mapped.key(), patientUrl))
				.ifPresent(consent -> transaction.upsert(consent, consent.getIdentifierFirstRep()));
		if ("A40".equals(context.triggerEvent())) {
			merge(segments, mapped, patientUrl, transaction);
		}
		String encounterUrl = segments.first("PV1")
				.flatMap(pv1 -> encounters.map(pv1.segment(), segments.first("ZBE").map(SegmentList.Located::segment).orElse(null),
						patientUrl, status(context.triggerEvent()), transaction))
				.map(encounter -> transaction.upsert(encounter, EncounterMapper.key(encounter)))
				.orElse(null);
		// Discharge and billing-oriented ADT may carry the stay's acts (PR1) and diagnoses (DG1).
		acts.addActsAndDiagnoses(context, segments, PatientContext.known(patientUrl, encounterUrl), transaction);
		return new MappedMessage(context, transaction.bundle(),
				"ADT^" + context.triggerEvent() + " patient " + mapped.key().getValue());
	}

	private void merge(SegmentList segments, PatientMapper.MappedPatient surviving, String survivingUrl, TransactionBundle transaction) {
		SegmentList.Located mrg = segments.required("MRG", "A40 names the patient to merge in MRG-1");
		String priorId = Fields.get(mrg.segment(), 1, 0, 1, 1);
		if (priorId.isEmpty()) {
			throw Hl7Rejection.error(Hl7Rejection.REQUIRED_FIELD_MISSING, "MRG", 1, 1, 1, "MRG-1 (prior patient identifier) is empty");
		}
		String system = Hl7Systems.assigningAuthority(Fields.get(mrg.segment(), 1, 0, 4, 1), Fields.get(mrg.segment(), 1, 0, 4, 2),
				Fields.get(mrg.segment(), 1, 0, 4, 3)).orElse(surviving.key().getSystem());
		Identifier priorKey = new Identifier().setSystem(system).setValue(priorId);
		Patient prior = new Patient();
		prior.addIdentifier(priorKey.copy());
		prior.setActive(false);
		prior.addLink().setType(Patient.LinkType.REPLACEDBY).setOther(new Reference(survivingUrl));
		String priorUrl = transaction.upsert(prior, priorKey);
		surviving.patient().addLink().setType(Patient.LinkType.REPLACES).setOther(new Reference(priorUrl));
	}

	private static Encounter.EncounterStatus status(String trigger) {
		return switch (trigger) {
			case "A03" -> Encounter.EncounterStatus.FINISHED;
			case "A05", "A14" -> Encounter.EncounterStatus.PLANNED;
			case "A11" -> Encounter.EncounterStatus.CANCELLED;
			default -> Encounter.EncounterStatus.INPROGRESS;
		};
	}
}
