package fr.ccamhub.ledger.store;

/** The ledger's database could not be read or written. */
public class LedgerStoreException extends RuntimeException {

	public LedgerStoreException(String message) {
		super(message);
	}

	public LedgerStoreException(String message, Throwable cause) {
		super(message, cause);
	}
}
