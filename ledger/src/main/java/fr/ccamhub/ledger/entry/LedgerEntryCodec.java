package fr.ccamhub.ledger.entry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ccamhub.ledger.merkle.MerkleHashing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bytes of a {@link LedgerEntry} in the log: its RFC 8785 canonical JSON, UTF-8 encoded. The leaf hash is
 * SHA-256(0x00 || these bytes).
 *
 * <p>Format 1, members in canonical (sorted) order, {@code resourceHash} omitted for a delete:
 *
 * <pre>
 * {"action":"update","actor":"Practitioner/123","format":1,"recordedAt":"2026-11-21T10:15:30.123Z",
 *  "resourceHash":"&lt;64 lower-case hex digits&gt;","resourceId":"42","resourceType":"Procedure","versionId":"2"}
 * </pre>
 *
 * ({@code recordedAt} always has exactly three fraction digits and a {@code Z}; all on one line.) {@link #decode}
 * accepts only bytes {@link #encode} would produce, so an entry has exactly one encoding and one leaf hash.
 */
public final class LedgerEntryCodec {

    /** The entry format this codec writes and reads. */
    public static final int FORMAT = 1;

    private static final DateTimeFormatter RECORDED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> MEMBERS = Set.of(
            "action", "actor", "format", "recordedAt", "resourceHash", "resourceId", "resourceType", "versionId");

    private LedgerEntryCodec() {
    }

    /** The canonical bytes of {@code entry}. */
    public static byte[] encode(LedgerEntry entry) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("format", FORMAT);
        json.put("resourceType", entry.resourceType());
        json.put("resourceId", entry.resourceId());
        json.put("versionId", entry.versionId());
        byte[] resourceHash = entry.resourceHash();
        if (resourceHash != null) {
            json.put("resourceHash", HEX.formatHex(resourceHash));
        }
        json.put("action", entry.action().code());
        json.put("actor", entry.actor());
        json.put("recordedAt", RECORDED_AT.format(entry.recordedAt()));
        try {
            return CanonicalJson.canonicalUtf8(MAPPER.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Jackson could not write a tree of strings and one integer", e);
        }
    }

    /** SHA-256(0x00 || encode(entry)): the entry's Merkle leaf hash. */
    public static byte[] leafHash(LedgerEntry entry) {
        return MerkleHashing.leafHash(encode(entry));
    }

    /**
     * The entry {@code bytes} encode.
     *
     * @throws IllegalArgumentException if the bytes are not exactly the canonical encoding of a valid format-1 entry
     */
    public static LedgerEntry decode(byte[] bytes) {
        JsonNode json;
        try {
            json = MAPPER.readTree(CanonicalJson.decodeUtf8(bytes));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("ledger entry is not JSON: " + e.getOriginalMessage(), e);
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("ledger entry must be a JSON object");
        }
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("ledger entry has unknown members " + unknown);
        }
        JsonNode format = json.get("format");
        if (format == null || !format.isInt() || format.intValue() != FORMAT) {
            throw new IllegalArgumentException("ledger entry format must be " + FORMAT + ", got " + format);
        }
        String resourceHash = optionalText(json, "resourceHash");
        LedgerEntry entry = new LedgerEntry(
                text(json, "resourceType"),
                text(json, "resourceId"),
                text(json, "versionId"),
                resourceHash == null ? null : parseHex(resourceHash),
                LedgerAction.fromCode(text(json, "action")),
                text(json, "actor"),
                parseRecordedAt(text(json, "recordedAt")));
        if (!Arrays.equals(encode(entry), bytes)) {
            throw new IllegalArgumentException("ledger entry is valid but not in canonical form; its canonical bytes are "
                    + new String(encode(entry), StandardCharsets.UTF_8));
        }
        return entry;
    }

    private static String text(JsonNode json, String name) {
        String value = optionalText(json, name);
        if (value == null) {
            throw new IllegalArgumentException("ledger entry lacks '" + name + "'");
        }
        return value;
    }

    private static String optionalText(JsonNode json, String name) {
        JsonNode value = json.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("ledger entry member '" + name + "' must be a string, got " + value.getNodeType());
        }
        return value.textValue();
    }

    private static byte[] parseHex(String hex) {
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("resourceHash is not hex: " + e.getMessage(), e);
        }
    }

    private static Instant parseRecordedAt(String text) {
        try {
            return RECORDED_AT.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("recordedAt must look like 2026-11-21T10:15:30.123Z, got " + text, e);
        }
    }
}
