package fr.ccamhub.ledger.entry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash a ledger entry keeps instead of the resource: SHA-256 of the resource's RFC 8785 canonical JSON (UTF-8).
 * Two serializations of the same FHIR resource (member order, whitespace, number spelling) hash alike.
 */
public final class ResourceHasher {

    private ResourceHasher() {
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
