package fr.ccamhub.hl7.mapping;

/**
 * A message that cannot be accepted, with where and why, for the ERR segment of the ACK:
 * an HL7 table 0357 error code, the segment (and its occurrence), field and component.
 */
public class Hl7Rejection extends RuntimeException {

	/** HL7 table 0357 codes used by ccamhub. */
	public static final int SEGMENT_SEQUENCE_ERROR = 100;
	public static final int REQUIRED_FIELD_MISSING = 101;
	public static final int DATA_TYPE_ERROR = 102;
	public static final int TABLE_VALUE_NOT_FOUND = 103;
	public static final int UNSUPPORTED_MESSAGE_TYPE = 200;
	public static final int UNSUPPORTED_EVENT_CODE = 201;
	public static final int UNSUPPORTED_VERSION = 203;
	public static final int UNKNOWN_KEY_IDENTIFIER = 204;
	public static final int APPLICATION_INTERNAL_ERROR = 207;

	private final int errorCode;
	private final String segment;
	private final int segmentOccurrence;
	private final int field;
	private final int component;
	private final boolean reject;

	private Hl7Rejection(int errorCode, String segment, int segmentOccurrence, int field, int component, String message, boolean reject) {
		super(message);
		this.errorCode = errorCode;
		this.segment = segment;
		this.segmentOccurrence = segmentOccurrence;
		this.field = field;
		this.component = component;
		this.reject = reject;
	}

	/** The message is understood but its content cannot be accepted: ACK AE. */
	public static Hl7Rejection error(int errorCode, String segment, int occurrence, int field, int component, String message) {
		return new Hl7Rejection(errorCode, segment, occurrence, field, component, message, false);
	}

	/** The message itself is not acceptable (unsupported type or version): ACK AR. */
	public static Hl7Rejection reject(int errorCode, String segment, int field, String message) {
		return new Hl7Rejection(errorCode, segment, 1, field, 0, message, true);
	}

	public int errorCode() {
		return errorCode;
	}

	public String segment() {
		return segment;
	}

	public int segmentOccurrence() {
		return segmentOccurrence;
	}

	public int field() {
		return field;
	}

	public int component() {
		return component;
	}

	public boolean isReject() {
		return reject;
	}

	/** HL7 location notation, e.g. {@code PID[1]-3.1}. */
	public String location() {
		StringBuilder location = new StringBuilder(segment == null ? "" : segment);
		if (segmentOccurrence > 0) {
			location.append('[').append(segmentOccurrence).append(']');
		}
		if (field > 0) {
			location.append('-').append(field);
			if (component > 0) {
				location.append('.').append(component);
			}
		}
		return location.toString();
	}
}
