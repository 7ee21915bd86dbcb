package fr.ccamhub.ledger.entry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash a ledger entry keeps instead of the resource: SHA-256 of the resource's RFC 8785 canonical JSON (UTF-8).
 * Two serializations of the same FHIR resource (member order, whitespace, number spelling) hash alike.
 */
public final class ResourceHasher {

    private ResourceHasher() {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * The hash of a FHIR resource version as the ledger records it: SHA-256 of the JCS of its FHIR JSON without
     * {@code meta}. FHIR lets a server stamp {@code meta} (version id, last updated, source) and lets clients change
     * tags, security labels and profiles with {@code $meta-add}/{@code $meta-delete} without making a new version, so
     * {@code meta} cannot be part of a version's fixed content. Everything else is covered. The server and an auditor
     * holding the version's JSON compute the same value.
     */
    public static byte[] hashFhirResource(String resourceJson) {
        JsonNode resource;
        try {
            resource = JSON.readTree(resourceJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON resource: " + e.getOriginalMessage(), e);
        }
        if (!(resource instanceof ObjectNode object) || !object.hasNonNull("resourceType")) {
            throw new IllegalArgumentException("not a FHIR resource: a JSON object with a resourceType is expected");
        }
        object.remove("meta");
        try {
            return hash(JSON.writeValueAsString(object));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot re-serialise a parsed resource", e);
        }
    }

    /** SHA-256(JCS(resourceJson)). */
    public static byte[] hash(String resourceJson) {
        byte[] canonical = CanonicalJson.canonicalUtf8(resourceJson);
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }
}
