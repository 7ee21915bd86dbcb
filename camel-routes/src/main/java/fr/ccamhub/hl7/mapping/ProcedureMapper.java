package fr.ccamhub.hl7.mapping;

import ca.uhn.hl7v2.model.Segment;
import fr.ccamhub.terminology.ccam.CcamAct;
import fr.ccamhub.terminology.ccam.CcamRelease;
import fr.ccamhub.terminology.fhir.CcamSystems;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Procedure;

/**
 * Acts of billing and discharge messages to Procedures: FT1 (code FT1-25, else FT1-7; modifiers
 * FT1-26; date FT1-4; text FT1-9; performer FT1-20) and PR1 (code PR1-3, text PR1-4, date PR1-5,
 * surgeon PR1-11, practitioner PR1-12, modifiers PR1-16). A CCAM code (system {@code CCAM}, OID
 * 1.2.250.1.213.2.5 or the ANS URL) must exist in the loaded CCAM, and so must its modifiers;
 * it is stored under the ANS canonical. An act sent with a description and no code is stored in words
 * ({@code code.text}) for the coding copilot. Free text is kept in {@code Procedure.note}: it feeds the
 * AI coder. DG1 diagnoses become Conditions.
 */
final class ProcedureMapper {

	/** Procedure extension carrying a CCAM modifier (Coding). */
	public static final String MODIFIER_EXTENSION = CcamSystems.CCAMHUB_CANONICAL_BASE + "/StructureDefinition/ccam-modificateur";

	private final CcamRelease ccam;
	private final Hl7Dates dates;

	ProcedureMapper(CcamRelease ccam, Hl7Dates dates) {
		this.ccam = ccam;
		this.dates = dates;
	}

	Procedure fromFt1(SegmentList.Located ft1, SegmentList segments, PatientContext context, MessageContext message,
			TransactionBundle transaction) {
		Segment segment = ft1.segment();
		int codeField = Fields.get(segment, 25, 1).isEmpty() ? 7 : 25;
		Procedure procedure = base(ft1, codeField, 26, 9, context);
		String transactionId = Fields.get(segment, 2);
		procedure.addIdentifier(new Identifier().setSystem(message.senderSystem("act"))
				.setValue(transactionId.isEmpty() ? message.controlId() + "/FT1/" + ft1.occurrence() : transactionId));
		dates.dateTime(Fields.get(segment, 4, 1)).ifPresent(procedure::setPerformed);
		note(procedure, Fields.get(segment, 9));
		PractitionerMapper.reference(segment, 20, 0, transaction).ifPresent(p -> procedure.addPerformer().setActor(p));
		segments.notesAfter(ft1).forEach(text -> note(procedure, text));
		return procedure;
	}

	Procedure fromPr1(SegmentList.Located pr1, SegmentList segments, PatientContext context, MessageContext message,
			TransactionBundle transaction) {
		Segment segment = pr1.segment();
		Procedure procedure = base(pr1, 3, 16, 4, context);
		String procedureId = Fields.get(segment, 19, 1);
		procedure.addIdentifier(new Identifier().setSystem(message.senderSystem("act"))
				.setValue(procedureId.isEmpty() ? message.controlId() + "/PR1/" + pr1.occurrence() : procedureId));
		dates.dateTime(Fields.get(segment, 5)).ifPresent(procedure::setPerformed);
		note(procedure, Fields.get(segment, 4));
		PractitionerMapper.reference(segment, 11, 0, transaction).ifPresent(p -> procedure.addPerformer()
				.setFunction(new CodeableConcept().setText("surgeon")).setActor(p));
		for (int rep = 0; rep < Math.max(1, Fields.repetitions(segment, 12)); rep++) {
			PractitionerMapper.reference(segment, 12, rep, transaction).ifPresent(p -> procedure.addPerformer().setActor(p));
		}
		segments.notesAfter(pr1).forEach(text -> note(procedure, text));
		return procedure;
	}

	Condition fromDg1(SegmentList.Located dg1, PatientContext context, MessageContext message) {
		Segment segment = dg1.segment();
		Condition condition = new Condition();
		String diagnosisId = Fields.get(segment, 20, 1);
		condition.addIdentifier(new Identifier().setSystem(message.senderSystem("diagnosis"))
				.setValue(diagnosisId.isEmpty() ? message.controlId() + "/DG1/" + dg1.occurrence() : diagnosisId));
		CodeableConcept code = Codings.codeableConcept(segment, 3, 0);
		String description = Fields.get(segment, 4);
		if (!description.isEmpty() && !code.hasText()) {
			code.setText(description);
		}
		if (!code.hasCoding() && !code.hasText()) {
			throw Hl7Rejection.error(Hl7Rejection.REQUIRED_FIELD_MISSING, "DG1", dg1.occurrence(), 3, 1,
					"DG1-3 (diagnosis code) and DG1-4 (description) are both empty");
		}
		condition.setCode(code);
		condition.setSubject(context.patient);
		if (context.encounter != null) {
			condition.setEncounter(context.encounter);
		}
		condition.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/condition-category",
				"encounter-diagnosis", "Encounter Diagnosis")));
		condition.setClinicalStatus(new CodeableConcept(new Coding(
				"http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
		String type = Fields.get(segment, 6);
		condition.setVerificationStatus(new CodeableConcept(new Coding(
				"http://terminology.hl7.org/CodeSystem/condition-ver-status", "F".equals(type) ? "confirmed" : "provisional", null)));
		dates.dateTime(Fields.get(segment, 5)).ifPresent(condition::setRecordedDateElement);
		return condition;
	}

	/**
	 * The act's code; an act sent in words only (code empty, description given) is stored with
	 * {@code code.text} and no coding, for the coding copilot.
	 */
	private Procedure base(SegmentList.Located located, int codeField, int modifierField, int textField, PatientContext context) {
		Segment segment = located.segment();
		String name = located.name();
		String code = Fields.get(segment, codeField, 1);
		String system = Fields.get(segment, codeField, 3);
		String text = Fields.get(segment, textField);
		if (code.isEmpty() && text.isEmpty()) {
			throw Hl7Rejection.error(Hl7Rejection.REQUIRED_FIELD_MISSING, name, located.occurrence(), codeField, 1,
					name + "-" + codeField + " (procedure code) and " + name + "-" + textField + " (description) are both empty");
		}
		Procedure procedure = new Procedure();
		procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
		procedure.setSubject(context.patient);
		if (context.encounter != null) {
			procedure.setEncounter(context.encounter);
		}
		if (code.isEmpty()) {
			procedure.setCode(new CodeableConcept().setText(text));
		} else if (Hl7Systems.isCcam(system)) {
			String normalised = code.trim().toUpperCase(java.util.Locale.ROOT);
			CcamAct act = ccam.act(normalised).orElseThrow(() -> Hl7Rejection.error(Hl7Rejection.TABLE_VALUE_NOT_FOUND,
					name, located.occurrence(), codeField, 1,
					"Unknown CCAM code '" + code + "' in " + name + "-" + codeField + " (not in CCAM " + ccam.version() + ")"));
			procedure.setCode(new CodeableConcept(new Coding(CcamSystems.CCAM, act.code(), act.label()).setVersion(ccam.version())));
			for (String modifier : modifiers(segment, located, modifierField)) {
				procedure.addExtension(MODIFIER_EXTENSION, new Coding(CcamSystems.CCAM_MODIFIERS, modifier, null));
			}
		} else {
			procedure.setCode(Codings.codeableConcept(segment, codeField, 0));
			for (int rep = 0; rep < Fields.repetitions(segment, modifierField); rep++) {
				String modifier = Fields.get(segment, modifierField, rep, 1, 1);
				if (!modifier.isEmpty()) {
					procedure.addExtension(MODIFIER_EXTENSION, new Coding(
							Hl7Systems.codingSystem(Fields.get(segment, modifierField, rep, 3, 1)).orElse(null), modifier, null));
				}
			}
		}
		return procedure;
	}

	private List<String> modifiers(Segment segment, SegmentList.Located located, int field) {
		List<String> modifiers = new ArrayList<>();
		for (int rep = 0; rep < Fields.repetitions(segment, field); rep++) {
			String modifier = Fields.get(segment, field, rep, 1, 1).toUpperCase(java.util.Locale.ROOT);
			if (modifier.isEmpty()) {
				continue;
			}
			if (ccam.modifier(modifier).isEmpty()) {
				throw Hl7Rejection.error(Hl7Rejection.TABLE_VALUE_NOT_FOUND, located.name(), located.occurrence(), field, 1,
						"Unknown CCAM modifier '" + modifier + "' in " + located.name() + "-" + field + " repetition " + (rep + 1));
			}
			modifiers.add(modifier);
		}
		return modifiers;
	}

	private static void note(Procedure procedure, String text) {
		if (text != null && !text.isBlank()) {
			procedure.addNote().setText(text.trim());
		}
	}

}
