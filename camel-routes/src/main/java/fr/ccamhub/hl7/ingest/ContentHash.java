package fr.ccamhub.hl7.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Fingerprint of a message's content for replay detection: SHA-256 of the decoded text with
 * MSH-7 (date/time of message) blanked, since senders often re-stamp a message they resend.
 */
public final class ContentHash {

	private ContentHash() {}

	public static String of(String decodedText) {
		String[] segments = decodedText.split("\r", 2);
		String msh = segments[0];
		if (msh.startsWith("MSH") && msh.length() > 3) {
			String separator = String.valueOf(msh.charAt(3));
			String[] fields = msh.split(Pattern.quote(separator), -1);
			if (fields.length > 6) {
				fields[6] = "";
			}
			msh = String.join(separator, fields);
		}
		String normalised = msh + (segments.length > 1 ? "\r" + segments[1] : "");
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
