package fr.ccamhub.ledger.anchor;

/**
 * Proof that a tree head was anchored: the transaction that recorded it and where it landed.
 *
 * @param treeSize size of the anchored tree
 * @param rootHash the anchored root, 32 bytes
 * @param timestamp the head's time, milliseconds since the epoch
 * @param chainId EIP-155 id of the chain
 * @param contractAddress the {@code TreeHeadAnchor} contract, 0x-prefixed hex
 * @param transactionHash 0x-prefixed hex
 * @param blockNumber block holding the transaction
 */
public record ChainAnchor(
		long treeSize,
		byte[] rootHash,
		long timestamp,
		long chainId,
		String contractAddress,
		String transactionHash,
		long blockNumber) {

	public ChainAnchor {
		rootHash = rootHash.clone();
	}

	@Override
	public byte[] rootHash() {
		return rootHash.clone();
	}
}
