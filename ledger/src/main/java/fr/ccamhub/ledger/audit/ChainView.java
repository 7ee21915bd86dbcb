package fr.ccamhub.ledger.audit;

import fr.ccamhub.ledger.anchor.AnchoredHead;
import java.util.Optional;

/** What the anchoring contract holds, read from the chain itself (not from our database). */
public interface ChainView {

	/** The root anchored for a tree size, if that size was anchored. */
	Optional<AnchoredHead> anchoredAt(long treeSize);

	/** The largest tree size anchored in the contract; 0 before the first anchor. */
	long latestAnchoredSize();

	/** Where anchors go, for messages: chain id and contract. */
	String describe();
}
