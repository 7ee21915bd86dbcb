package fr.ccamhub.server.audit.journal;

/** The audit journal could not be read or written; an access whose record cannot be written is refused. */
public final class AuditJournalException extends RuntimeException {

	public AuditJournalException(String message, Throwable cause) {
		super(message, cause);
	}
}
