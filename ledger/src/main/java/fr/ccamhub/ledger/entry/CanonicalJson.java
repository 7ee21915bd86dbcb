package fr.ccamhub.ledger.entry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): one byte sequence for all JSON texts with the same data.
 *
 * <p>Members sorted by their names' UTF-16 code units, no insignificant whitespace, strings with minimal escaping,
 * numbers as IEEE 754 doubles printed the ECMAScript way ({@code 4.50} → {@code 4.5}, {@code 1E30} → {@code 1e+30}).
 * Delegates to {@code org.erdtman.jcs} (by an RFC 8785 author) and adds the checks it leaves out: the input must be
 * valid UTF-8 and must not hold unpaired surrogates, which have no UTF-8 encoding.
 *
 * <p>As the RFC says (I-JSON, RFC 7493), numbers are doubles: integers beyond 2^53 and decimals with more than ~17
 * significant digits lose precision, and trailing zeros ({@code 1.50}) are not kept.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /**
     * The canonical form of {@code json} (an object or array at top level).
     *
     * @throws IllegalArgumentException if {@code json} is not valid JSON, repeats a member name, or holds NaN,
     *         infinities or unpaired surrogates
     */
    public static String canonicalize(String json) {
        String canonical;
        try {
            canonical = new JsonCanonicalizer(json).getEncodedString();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not canonicalizable JSON: " + e.getMessage(), e);
        }
        requireNoUnpairedSurrogate(canonical);
        return canonical;
    }

    /** The canonical form of {@code json}, UTF-8 encoded: the bytes to hash or sign. */
    public static byte[] canonicalUtf8(String json) {
        return canonicalize(json).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical form of UTF-8 {@code json} bytes, UTF-8 encoded; malformed UTF-8 is refused, not replaced. */
    public static byte[] canonicalUtf8(byte[] json) {
        return canonicalUtf8(decodeUtf8(json));
    }

    static String decodeUtf8(byte[] utf8) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("JSON is not valid UTF-8: " + e.getMessage(), e);
        }
    }

    private static void requireNoUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(String.format("unpaired surrogate U+%04X in a JSON string", (int) c));
            }
        }
    }
}
