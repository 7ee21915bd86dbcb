package fr.ccamhub.hl7.ack;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import fr.ccamhub.hl7.mapping.Hl7Rejection;
import fr.ccamhub.hl7.parse.Hl7Parser;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;

/**
 * Builds HL7 acknowledgements: AA after a message is stored; AE / AR with an ERR segment naming
 * the segment, field and reason (HL7 table 0357 code, severity E, text in ERR-8); and AR for a
 * message so broken it cannot be parsed, built from its MSH alone.
 */
public final class AckBuilder {

	private final Hl7Parser parser;

	public AckBuilder(Hl7Parser parser) {
		this.parser = parser;
	}

	public String accept(Message message) {
		try {
			return parser.encode(message.generateACK());
		} catch (HL7Exception | java.io.IOException e) {
			throw new IllegalStateException("Cannot build the ACK of an accepted message", e);
		}
	}

	public String refuse(Message message, Hl7Rejection rejection) {
		HL7Exception error = new HL7Exception(rejection.getMessage(), ErrorCode.errorCodeFor(rejection.errorCode()));
		if (rejection.segment() != null) {
			error.setSegmentName(rejection.segment());
			error.setSegmentRepetition(Math.max(1, rejection.segmentOccurrence()));
		}
		if (rejection.field() > 0) {
			error.setFieldPosition(rejection.field());
		}
		try {
			Message ack = message.generateACK(rejection.isReject() ? AcknowledgmentCode.AR : AcknowledgmentCode.AE, error);
			// HAPI puts the text in ERR-3.9 only; ERR-8 (user message) is where receivers look for it.
			new Terser(ack).set("/ERR-8", rejection.getMessage());
			return parser.encode(ack);
		} catch (HL7Exception | java.io.IOException e) {
			return unparseable(encodeQuietly(message), rejection.errorCode(), rejection.getMessage());
		}
	}

	/** AR for text that HAPI cannot parse: MSH fields read by position, ERR with the parser's reason. */
	public static String unparseable(String text, int errorCode, String reason) {
		String msh = text == null ? "" : text.split("\r", 2)[0];
		char separator = msh.length() > 3 && msh.startsWith("MSH") ? msh.charAt(3) : '|';
		String[] fields = msh.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
		String encoding = fields.length > 1 && !fields[1].isEmpty() ? fields[1] : "^~\\&";
		String version = field(fields, 12).isEmpty() ? "2.5" : field(fields, 12).split("\\^")[0];
		String now = new SimpleDateFormat("yyyyMMddHHmmss", Locale.ROOT).format(new Date());
		String s = String.valueOf(separator);
		String clean = reason == null ? "Unparseable message" : reason.replaceAll("[\\r\\n|^~\\\\&]", " ").trim();
		return String.join(s, "MSH", encoding, field(fields, 5), field(fields, 6), field(fields, 3), field(fields, 4), now, "",
						"ACK^" + trigger(field(fields, 9)) + "^ACK", "ACK" + now, field(fields, 11).isEmpty() ? "P" : field(fields, 11), version)
				+ "\r" + String.join(s, "MSA", "AR", field(fields, 10))
				+ "\r" + String.join(s, "ERR", "", "MSH^1", String.valueOf(errorCode), "E", "", "", "", clean) + "\r";
	}

	private static String trigger(String messageType) {
		String[] parts = messageType.split("\\^");
		return parts.length > 1 ? parts[1] : "";
	}

	private static String field(String[] fields, int number) {
		// fields[0] = "MSH", fields[1] = MSH-2: MSH-n is fields[n - 1]
		return number - 1 < fields.length ? fields[number - 1] : "";
	}

	private String encodeQuietly(Message message) {
		try {
			return parser.encode(message);
		} catch (HL7Exception e) {
			return "";
		}
	}
}
