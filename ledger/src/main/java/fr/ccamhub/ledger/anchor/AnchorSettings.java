package fr.ccamhub.ledger.anchor;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how tree heads are anchored on an EVM chain.
 *
 * @param nodeUrl JSON-RPC endpoint of the node
 * @param chainId the chain's id (EIP-155), checked against the node at start
 * @param contractAddress the deployed {@code TreeHeadAnchor} contract, or null to deploy one
 * @param privateKey hex private key of the anchoring account (the contract's owner)
 * @param confirmations blocks, counting the one holding the transaction, before an anchor is recorded
 * @param pollInterval how often receipts and new blocks are polled
 * @param timeout how long to wait for a receipt and its confirmations before giving up
 */
public record AnchorSettings(
		String nodeUrl,
		long chainId,
		String contractAddress,
		String privateKey,
		int confirmations,
		Duration pollInterval,
		Duration timeout) {

	public AnchorSettings {
		Objects.requireNonNull(nodeUrl, "nodeUrl");
		Objects.requireNonNull(privateKey, "privateKey");
		if (confirmations < 1) {
			throw new IllegalArgumentException("confirmations must be at least 1, was " + confirmations);
		}
		pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
		timeout = timeout == null ? Duration.ofMinutes(2) : timeout;
	}

	public AnchorSettings withConfirmations(int count) {
		return new AnchorSettings(nodeUrl, chainId, contractAddress, privateKey, count, pollInterval, timeout);
	}

	public AnchorSettings withContractAddress(String address) {
		return new AnchorSettings(nodeUrl, chainId, address, privateKey, confirmations, pollInterval, timeout);
	}
}
