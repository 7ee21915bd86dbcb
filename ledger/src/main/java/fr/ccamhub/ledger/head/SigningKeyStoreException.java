package fr.ccamhub.ledger.head;

/** A tree head signing key could not be read from or written to its keystore; the message says which and why. */
public class SigningKeyStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SigningKeyStoreException(String message) {
        super(message);
    }

    public SigningKeyStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
