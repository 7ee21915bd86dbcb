package fr.ccamhub.dmp.outbox;

/** The outbox could not be read or written. */
public final class DmpOutboxException extends RuntimeException {

	public DmpOutboxException(String message, Throwable cause) {
		super(message, cause);
	}
}
