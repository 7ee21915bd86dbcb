package fr.ccamhub.ledger.entry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * One record of the ledger: which FHIR resource version was written, the hash of its content, what was done, by whom
 * and when. It names resources by type and id only and keeps a hash, never the content: no patient data enters the
 * log.
 *
 * @param resourceType FHIR resource type, e.g. {@code Procedure}
 * @param resourceId   FHIR logical id
 * @param versionId    FHIR {@code meta.versionId} of the version written
 * @param resourceHash SHA-256 of the version's canonical JSON ({@link ResourceHasher}); {@code null} for a delete,
 *                     which has no content
 * @param action       what was done
 * @param actor        who did it, as a reference or identifier without spaces ({@code Practitioner/123},
 *                     {@code Device/ccam-copilot}, a client id), never a free-text name
 * @param recordedAt   when, kept to the millisecond (finer precision is dropped)
 */
public record LedgerEntry(
        String resourceType,
        String resourceId,
        String versionId,
        byte[] resourceHash,
        LedgerAction action,
        String actor,
        Instant recordedAt) {

    /** Length of {@link #resourceHash()}: SHA-256. */
    public static final int RESOURCE_HASH_LENGTH = 32;

    private static final Pattern RESOURCE_TYPE = Pattern.compile("[A-Z][A-Za-z]{1,63}");
    // FHIR id datatype: the same rule serves for logical ids and version ids.
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Pattern ACTOR = Pattern.compile("[\\x21-\\x7E]{1,256}");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    public LedgerEntry {
        require(resourceType, RESOURCE_TYPE, "resourceType");
        require(resourceId, FHIR_ID, "resourceId");
        require(versionId, FHIR_ID, "versionId");
        if (action == null) {
            throw new IllegalArgumentException("action is required");
        }
        if (action == LedgerAction.DELETE) {
            if (resourceHash != null) {
                throw new IllegalArgumentException("a delete has no content to hash: resourceHash must be absent");
            }
        } else if (resourceHash == null || resourceHash.length != RESOURCE_HASH_LENGTH) {
            throw new IllegalArgumentException("a " + action.code() + " needs a " + RESOURCE_HASH_LENGTH
                    + "-byte resourceHash, got " + (resourceHash == null ? "none" : resourceHash.length + " bytes"));
        } else {
            resourceHash = resourceHash.clone();
        }
        require(actor, ACTOR, "actor (printable ASCII, no spaces, at most 256 characters)");
        if (recordedAt == null || recordedAt.isBefore(Instant.EPOCH) || recordedAt.isAfter(LATEST)) {
            throw new IllegalArgumentException("recordedAt must be between 1970 and 9999, got " + recordedAt);
        }
        recordedAt = recordedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A copy of the resource hash, or {@code null} for a delete. */
    @Override
    public byte[] resourceHash() {
        return resourceHash == null ? null : resourceHash.clone();
    }

    /** {@code resourceType/resourceId/_history/versionId}, the FHIR versioned reference of the resource. */
    public String versionedReference() {
        return resourceType + "/" + resourceId + "/_history/" + versionId;
    }

    private static void require(String value, Pattern pattern, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must match " + pattern + ", got " + value);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LedgerEntry entry
                && resourceType.equals(entry.resourceType)
                && resourceId.equals(entry.resourceId)
                && versionId.equals(entry.versionId)
                && Arrays.equals(resourceHash, entry.resourceHash)
                && action == entry.action
                && actor.equals(entry.actor)
                && recordedAt.equals(entry.recordedAt);
    }

    @Override
    public int hashCode() {
        int result = resourceType.hashCode();
        result = 31 * result + resourceId.hashCode();
        result = 31 * result + versionId.hashCode();
        result = 31 * result + Arrays.hashCode(resourceHash);
        result = 31 * result + action.hashCode();
        result = 31 * result + actor.hashCode();
        return 31 * result + recordedAt.hashCode();
    }

    @Override
    public String toString() {
        return "LedgerEntry[" + action.code() + " " + versionedReference() + ", resourceHash="
                + (resourceHash == null ? "none" : HexFormat.of().formatHex(resourceHash))
                + ", actor=" + actor + ", recordedAt=" + recordedAt + "]";
    }
}
