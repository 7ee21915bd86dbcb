package fr.ccamhub.dmp.outbox;

import java.util.Optional;

/**
 * A document to queue for sharing.
 *
 * @param documentId the DocumentReference's logical id
 * @param documentVersion its version id
 * @param patientId the patient's logical id
 * @param masterIdentifier the document's unique id as shared (deterministic: the same document always gets it)
 * @param replaces the master identifier of the document it replaces, if any
 */
public record QueuedDocument(String documentId, String documentVersion, String patientId, String masterIdentifier,
		Optional<String> replaces) {

	public OutboxKind kind() {
		return replaces.isPresent() ? OutboxKind.REPLACE : OutboxKind.NEW;
	}
}
