package fr.ccamhub.ledger.anchor;

/** Anchoring on the chain failed: node unreachable, transaction reverted, or not confirmed in time. */
public class AnchorException extends RuntimeException {

	public AnchorException(String message) {
		super(message);
	}

	public AnchorException(String message, Throwable cause) {
		super(message, cause);
	}
}
