package fr.ccamhub.dmp.outbox;

/** What a queued item asks of the recipient. */
public enum OutboxKind {
	/** A new document. */
	NEW,
	/** A new document that replaces one shared before ({@code relatesTo} replaces). */
	REPLACE
}
