package fr.ccamhub.dmp.delivery;

/** How one dispatch of a queued document ended, for the audit trail and the metrics. */
public enum DeliveryOutcome {
	/** The recipient has the document (stored now, or found stored after an ambiguous attempt). */
	DELIVERED,
	/** Held back by the sharing gate just before sending. */
	HELD,
	/** Failed; another attempt is scheduled. */
	RETRY,
	/** Not tried: the circuit to the recipient is open (credentials refused). */
	POSTPONED,
	/** Not deliverable without a human: in the dead letters. */
	DEAD
}
