package fr.ccamhub.hl7.mapping;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.util.Terser;

/** Reads one component of one field repetition of a segment as trimmed text ("" when absent). */
final class Fields {

	private Fields() {}

	static String get(Segment segment, int field, int repetition, int component, int subcomponent) {
		try {
			String value = Terser.get(segment, field, repetition, component, subcomponent);
			if (value == null) {
				return "";
			}
			String trimmed = value.trim();
			return "\"\"".equals(trimmed) ? "" : trimmed;
		} catch (HL7Exception | RuntimeException e) {
			return "";
		}
	}

	static String get(Segment segment, int field, int component) {
		return get(segment, field, 0, component, 1);
	}

	static String get(Segment segment, int field) {
		return get(segment, field, 0, 1, 1);
	}

	static int repetitions(Segment segment, int field) {
		try {
			return segment.getField(field).length;
		} catch (HL7Exception | RuntimeException e) {
			return 0;
		}
	}
}
