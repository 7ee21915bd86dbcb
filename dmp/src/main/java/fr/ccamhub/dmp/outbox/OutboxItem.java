package fr.ccamhub.dmp.outbox;

import java.time.Instant;
import java.util.Optional;

/** One row of the DMP outbox, as a dispatcher or an administrator sees it. */
public record OutboxItem(long id, OutboxKind kind, String documentId, String documentVersion, String patientId,
		String masterIdentifier, Optional<String> replaces, OutboxState state, Optional<String> holdReason,
		Optional<String> holdText, int attempts, boolean ambiguous, Instant nextAttemptAt, Optional<Integer> lastStatus,
		Optional<String> lastError, Optional<String> remoteLocation, Instant createdAt, Optional<Instant> deliveredAt) {}
