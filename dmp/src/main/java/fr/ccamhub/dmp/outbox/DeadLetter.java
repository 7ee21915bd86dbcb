package fr.ccamhub.dmp.outbox;

import java.time.Instant;
import java.util.Optional;

/** A document that could not be delivered, with why (the validator's messages or the recipient's answer). */
public record DeadLetter(long id, long outboxId, String documentId, String patientId, String masterIdentifier,
		Instant deadAt, String reason, Optional<Integer> httpStatus, String detail, Optional<String> bundle,
		Optional<Instant> replayedAt, Optional<String> replayedBy) {}
