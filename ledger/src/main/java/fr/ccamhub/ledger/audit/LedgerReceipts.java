package fr.ccamhub.ledger.audit;

import fr.ccamhub.ledger.store.JdbcLedgerReader;
import fr.ccamhub.ledger.store.StoredTreeHead;
import java.util.List;
import java.util.Optional;

/**
 * Receipts for resource versions. A receipt proves inclusion in the newest head anchored on chain when that head
 * already covers the entry, so that an auditor can check it against the chain; otherwise in the newest signed head.
 */
public final class LedgerReceipts {

	private final JdbcLedgerReader reader;

	public LedgerReceipts(JdbcLedgerReader reader) {
		this.reader = reader;
	}

	/** Where a resource version stands in the ledger. */
	public ReceiptLookup lookUp(String resourceType, String resourceId, String versionId) {
		List<Long> leaves = reader.leafIndexesOf(resourceType, resourceId, versionId);
		if (leaves.isEmpty()) {
			return reader.isPending(resourceType, resourceId, versionId) ? ReceiptLookup.pending() : ReceiptLookup.notRecorded();
		}
		long leaf = leaves.get(0);
		Optional<StoredTreeHead> head = reader.latestAnchoredHead().filter(anchored -> anchored.treeSize() > leaf)
				.or(reader::latestHead).filter(latest -> latest.treeSize() > leaf);
		if (head.isEmpty()) {
			return ReceiptLookup.pending();
		}
		var entry = reader.entry(leaf).orElseThrow(() -> new IllegalStateException("leaf " + leaf + " has no entry row"));
		return ReceiptLookup.recorded(new LedgerReceipt(entry, reader.inclusionProof(leaf, head.get().treeSize()), head.get()));
	}

	/** A receipt, or why there is none yet. */
	public record ReceiptLookup(Status status, Optional<LedgerReceipt> receipt) {

		public enum Status {
			/** In the log, with a receipt. */
			RECORDED,
			/** Written with the resource, waiting in the outbox for its leaf index (normally well under a second). */
			PENDING,
			/** The ledger has no entry for this version. */
			NOT_RECORDED
		}

		static ReceiptLookup recorded(LedgerReceipt receipt) {
			return new ReceiptLookup(Status.RECORDED, Optional.of(receipt));
		}

		static ReceiptLookup pending() {
			return new ReceiptLookup(Status.PENDING, Optional.empty());
		}

		static ReceiptLookup notRecorded() {
			return new ReceiptLookup(Status.NOT_RECORDED, Optional.empty());
		}
	}
}
