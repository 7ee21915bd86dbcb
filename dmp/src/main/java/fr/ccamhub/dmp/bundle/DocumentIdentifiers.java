package fr.ccamhub.dmp.bundle;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hl7.fhir.r4.model.DocumentReference;

/**
 * The identifiers a shared document is known by, derived only from what does not change between attempts, so that a
 * retry, a replay or a restart sends the very same ids and the recipient can recognise a duplicate.
 */
public final class DocumentIdentifiers {

	private static final String OID = "[0-2](\\.(0|[1-9][0-9]*))+";

	private DocumentIdentifiers() {}

	/**
	 * The document's unique id as shared: its own master identifier when that is an OID or a URI ({@code urn:oid:},
	 * {@code urn:uuid:}) — the producer's document id, e.g. TXA-12 —, else a name-based UUID of this system, the
	 * DocumentReference and its version.
	 */
	public static String masterIdentifierOf(DocumentReference document, String sourceId) {
		String value = document.hasMasterIdentifier() ? document.getMasterIdentifier().getValue() : null;
		if (value != null) {
			java.util.Optional<String> shared = asUniqueId(value);
			if (shared.isPresent()) {
				return shared.get();
			}
		}
		return "urn:uuid:" + nameUuid(sourceId + "|DocumentReference/" + document.getIdElement().getIdPart()
				+ "/_history/" + document.getIdElement().getVersionIdPart());
	}

	/** A producer's document id as a shared unique id, when it is one already: an OID, or a urn:oid / urn:uuid. */
	public static java.util.Optional<String> asUniqueId(String value) {
		String trimmed = value == null ? "" : value.trim();
		if (trimmed.matches(OID)) {
			return java.util.Optional.of("urn:oid:" + trimmed);
		}
		if (trimmed.matches("urn:oid:" + OID) || trimmed.matches("urn:uuid:[0-9a-fA-F-]{36}")) {
			return java.util.Optional.of(trimmed);
		}
		return java.util.Optional.empty();
	}

	/** The SubmissionSet unique id for an outbox row: under this system's OID. */
	public static String submissionSetIdOf(String sourceId, long outboxId) {
		return "urn:oid:" + sourceId + ".1." + outboxId;
	}

	/** A stable {@code urn:uuid:} for one part (SubmissionSet, DocumentReference, Binary…) of a shared document. */
	public static String entryUuid(String masterIdentifier, String part) {
		return "urn:uuid:" + nameUuid(masterIdentifier + "#" + part);
	}

	private static UUID nameUuid(String name) {
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}
}
