package fr.ccamhub.hl7.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns the bytes of one MLLP frame into HL7 text: drops a UTF-8 byte order mark, reads the
 * character set from MSH-18 (HL7 table 0211: {@code UNICODE UTF-8}, {@code 8859/1}, ...), falls
 * back to ISO-8859-1 when undeclared bytes are not valid UTF-8, and makes CR the only segment
 * separator (senders use LF or CRLF as well).
 */
public final class Hl7Decoder {

	private Hl7Decoder() {}

	/** The decoded message and the charset it came in, in which the ACK must be sent back. */
	public record Decoded(String text, Charset charset) {}

	public static Decoded decode(byte[] frame) {
		int offset = hasUtf8Bom(frame) ? 3 : 0;
		byte[] bytes = offset == 0 ? frame : java.util.Arrays.copyOfRange(frame, offset, frame.length);
		Charset charset = declaredCharset(bytes);
		if (charset == null) {
			charset = isValidUtf8(bytes) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
		}
		String text = new String(bytes, charset).replace("\r\n", "\r").replace('\n', '\r');
		while (text.contains("\r\r")) {
			text = text.replace("\r\r", "\r");
		}
		return new Decoded(text.strip().replace("\uFEFF", "") + "\r", charset);
	}

	/** MSH-18 read from the raw bytes (ASCII-compatible up to that point in every HL7 charset). */
	static Charset declaredCharset(byte[] bytes) {
		String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
		int end = head.indexOf('\r');
		int lf = head.indexOf('\n');
		if (end < 0 || (lf >= 0 && lf < end)) {
			end = lf;
		}
		String msh = end < 0 ? head : head.substring(0, end);
		if (!msh.startsWith("MSH") || msh.length() < 4) {
			return null;
		}
		String[] fields = msh.split(java.util.regex.Pattern.quote(String.valueOf(msh.charAt(3))), -1);
		// fields[0] = "MSH", fields[1] = MSH-2 (encoding characters): MSH-n is fields[n - 1]
		if (fields.length < 18 || fields[17].isBlank()) {
			return null;
		}
		String declared = fields[17].split("\\^")[0].trim().toUpperCase(Locale.ROOT);
		return switch (declared) {
			case "UNICODE UTF-8", "UTF-8", "UNICODE" -> StandardCharsets.UTF_8;
			case "8859/1", "ISO-8859-1", "ISO IR100" -> StandardCharsets.ISO_8859_1;
			case "8859/15" -> Charset.forName("ISO-8859-15");
			case "ASCII" -> StandardCharsets.US_ASCII;
			default -> null;
		};
	}

	private static boolean hasUtf8Bom(byte[] frame) {
		return frame.length >= 3 && (frame[0] & 0xFF) == 0xEF && (frame[1] & 0xFF) == 0xBB && (frame[2] & 0xFF) == 0xBF;
	}

	private static boolean isValidUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes));
			return true;
		} catch (CharacterCodingException e) {
			return false;
		}
	}
}
