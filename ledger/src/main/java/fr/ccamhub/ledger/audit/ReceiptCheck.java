package fr.ccamhub.ledger.audit;

/**
 * The outcome of one check of a resource version against the ledger.
 *
 * @param name what was checked: {@code entry}, {@code resource-hash}, {@code inclusion}, {@code signature},
 *             {@code anchor} or {@code consistency}
 * @param status how it came out
 * @param message what was found, in words, naming the values compared
 */
public record ReceiptCheck(String name, Status status, String message) {

	public enum Status {
		PASSED,
		FAILED,
		/** Not yet possible: the entry or the head is waiting (sequencing, anchoring). */
		PENDING,
		/** Not possible with this set-up: anchoring is off. */
		NOT_CONFIGURED;

		public String code() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}
	}

	static ReceiptCheck passed(String name, String message) {
		return new ReceiptCheck(name, Status.PASSED, message);
	}

	static ReceiptCheck failed(String name, String message) {
		return new ReceiptCheck(name, Status.FAILED, message);
	}
}
