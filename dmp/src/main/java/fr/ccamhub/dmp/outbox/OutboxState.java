package fr.ccamhub.dmp.outbox;

/** Where a queued document stands. */
public enum OutboxState {
	/** Waiting for its (next) attempt, at {@code next_attempt_at}. */
	PENDING,
	/** Claimed by a dispatcher until {@code lease_until}; found past its lease, it is claimed again (crash mid-send). */
	SENDING,
	/** Held back by the sharing gate (consent, identity), with a readable reason. */
	HELD,
	/** Acknowledged by the Document Recipient. */
	DELIVERED,
	/** Not deliverable without a human: listed with the dead letters, replayable by an administrator. */
	DEAD
}
