package fr.ccamhub.ledger.audit;

import fr.ccamhub.ledger.merkle.InclusionProof;
import fr.ccamhub.ledger.store.SequencedEntry;
import fr.ccamhub.ledger.store.StoredTreeHead;

/**
 * What proves one resource version is in the log: its entry at a leaf index, the inclusion proof of that leaf in a
 * signed head, and the head (with its anchor on chain, when it has one).
 */
public record LedgerReceipt(SequencedEntry entry, InclusionProof proof, StoredTreeHead head) {

	public long leafIndex() {
		return entry.leafIndex();
	}
}
