package fr.ccamhub.dmp.bundle;

/** A document lacks what the DMP requires (an author with an RPPS, a content…): the message says what, in French. */
public final class IncompleteDocumentException extends RuntimeException {

	public IncompleteDocumentException(String message) {
		super(message);
	}
}
