package fr.ccamhub.hl7.mapping;

import ca.uhn.hl7v2.model.Segment;
import org.hl7.fhir.r4.model.CodeableConcept;

/** CE/CWE/CNE fields (code^text^system^alternate code^alternate text^alternate system) to FHIR. */
final class Codings {

	private Codings() {}

	static CodeableConcept codeableConcept(Segment segment, int field, int repetition) {
		CodeableConcept concept = new CodeableConcept();
		add(concept, Fields.get(segment, field, repetition, 1, 1), Fields.get(segment, field, repetition, 2, 1),
				Fields.get(segment, field, repetition, 3, 1));
		add(concept, Fields.get(segment, field, repetition, 4, 1), Fields.get(segment, field, repetition, 5, 1),
				Fields.get(segment, field, repetition, 6, 1));
		String text = Fields.get(segment, field, repetition, 2, 1);
		if (!text.isEmpty()) {
			concept.setText(text);
		}
		return concept;
	}

	private static void add(CodeableConcept concept, String code, String display, String system) {
		if (code.isEmpty()) {
			return;
		}
		concept.addCoding()
				.setCode(code)
				.setDisplay(display.isEmpty() ? null : display)
				.setSystem(Hl7Systems.codingSystem(system).orElse(null));
	}
}
