package fr.ccamhub.ledger.anchor;

/**
 * What the contract holds for a tree size, read back from the chain.
 *
 * @param blockNumber the block in which the anchor was recorded
 */
public record AnchoredHead(long treeSize, byte[] rootHash, long timestamp, long blockNumber) {

	public AnchoredHead {
		rootHash = rootHash.clone();
	}

	@Override
	public byte[] rootHash() {
		return rootHash.clone();
	}
}
