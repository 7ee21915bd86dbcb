package fr.ccamhub.dmp.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Document Recipient answered to one attempt.
 *
 * @param verdict what it means for the document
 * @param httpStatus the HTTP status, when there was one
 * @param detail what the recipient said (an OperationOutcome's text, an I/O error), for the outbox and the audit
 * @param location where the recipient stored the DocumentReference, when it says
 * @param retryAfter how long the recipient asked us to wait (Retry-After), when it did
 */
public record RecipientAnswer(Verdict verdict, Optional<Integer> httpStatus, String detail, Optional<String> location,
		Optional<Duration> retryAfter) {

	public RecipientAnswer {
		Objects.requireNonNull(verdict, "verdict");
		Objects.requireNonNull(detail, "detail");
	}

	public enum Verdict {
		/** Stored: every entry of the transaction succeeded. */
		STORED,
		/** Refused as a duplicate: look it up, it may already be there. */
		DUPLICATE,
		/** Not stored, worth trying again later (timeout before sending, 408, 429, 5xx, connection refused). */
		RETRY,
		/** Maybe stored: the request left but no answer came back. Look it up before trying again. */
		AMBIGUOUS,
		/** Our credentials were refused (401, 403): a configuration problem, not the document's. */
		UNAUTHORIZED,
		/** The document itself was refused (other 4xx): a human must look at it. */
		REJECTED
	}
}
