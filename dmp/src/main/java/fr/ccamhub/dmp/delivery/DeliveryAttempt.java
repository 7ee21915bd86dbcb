package fr.ccamhub.dmp.delivery;

import fr.ccamhub.dmp.outbox.OutboxItem;
import java.time.Instant;
import java.util.Optional;

/**
 * One dispatch of a queued document, as the audit trail records it.
 *
 * @param submissionSetId the SubmissionSet's unique id, when a Bundle was built
 * @param recipient the recipient's address
 */
public record DeliveryAttempt(OutboxItem item, DeliveryOutcome outcome, String detail, Optional<Integer> httpStatus,
		Optional<String> submissionSetId, String recipient, Instant at) {}
