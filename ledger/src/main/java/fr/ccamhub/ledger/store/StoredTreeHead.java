package fr.ccamhub.ledger.store;

import fr.ccamhub.ledger.anchor.ChainAnchor;
import fr.ccamhub.ledger.head.SignedTreeHead;
import java.util.Optional;

/** A signed tree head as the ledger keeps it, with where it was anchored on chain if it was. */
public record StoredTreeHead(SignedTreeHead head, Optional<ChainAnchor> anchor) {

	public long treeSize() {
		return head.treeSize();
	}
}
