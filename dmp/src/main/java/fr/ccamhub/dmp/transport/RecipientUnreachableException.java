package fr.ccamhub.dmp.transport;

/** The Document Recipient could not be asked (network, timeout, an error status to a search). */
public final class RecipientUnreachableException extends RuntimeException {

	public RecipientUnreachableException(String message, Throwable cause) {
		super(message, cause);
	}

	public RecipientUnreachableException(String message) {
		super(message);
	}
}
