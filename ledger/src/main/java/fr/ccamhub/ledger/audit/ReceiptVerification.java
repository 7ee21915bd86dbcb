package fr.ccamhub.ledger.audit;

import fr.ccamhub.ledger.anchor.AnchoredHead;
import fr.ccamhub.ledger.anchor.ChainAnchor;
import fr.ccamhub.ledger.entry.LedgerAction;
import fr.ccamhub.ledger.entry.LedgerEntry;
import fr.ccamhub.ledger.head.PublicKeyRing;
import fr.ccamhub.ledger.head.SignedTreeHead;
import fr.ccamhub.ledger.store.JdbcLedgerReader;
import fr.ccamhub.ledger.store.StoredTreeHead;
import fr.ccamhub.ledger.verify.LedgerVerifier;
import fr.ccamhub.ledger.verify.LedgerVerifier.VerificationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Checks a stored resource version against the ledger, each check on its own so that a failure says what broke:
 *
 * <ol>
 *   <li>{@code entry}: the log has an entry for this version, and its bytes name it;</li>
 *   <li>{@code resource-hash}: the version stored today hashes to what the entry recorded;</li>
 *   <li>{@code inclusion}: the entry's leaf is in the head's tree (RFC 9162 proof, checked by {@link LedgerVerifier});</li>
 *   <li>{@code signature}: the head is signed by one of the published keys;</li>
 *   <li>{@code anchor}: the chain holds the head's root for its size;</li>
 *   <li>{@code consistency}: the log today extends the newest anchored head, whose root is read from the chain; a
 *       rewritten log fails here even if it was re-signed.</li>
 * </ol>
 */
public final class ReceiptVerification {

	private static final HexFormat HEX = HexFormat.of();

	private final LedgerReceipts receipts;
	private final JdbcLedgerReader reader;
	private final PublicKeyRing keys;
	private final Optional<ChainView> chain;

	public ReceiptVerification(LedgerReceipts receipts, JdbcLedgerReader reader, PublicKeyRing keys, Optional<ChainView> chain) {
		this.receipts = receipts;
		this.reader = reader;
		this.keys = keys;
		this.chain = chain;
	}

	/** The resource version as stored now: the hash of its content, or why it could not be read. */
	public record StoredVersion(Optional<byte[]> hash, String problem) {

		public static StoredVersion of(byte[] hash) {
			return new StoredVersion(Optional.of(hash), null);
		}

		public static StoredVersion unreadable(String problem) {
			return new StoredVersion(Optional.empty(), problem);
		}
	}

	/** Whether every check that could run passed, and the three that must run (entry, hash, inclusion, signature) did. */
	public static boolean allPassed(List<ReceiptCheck> checks) {
		boolean noneFailed = checks.stream().noneMatch(check -> check.status() == ReceiptCheck.Status.FAILED);
		long corePassed = checks.stream()
				.filter(check -> List.of("entry", "resource-hash", "inclusion", "signature").contains(check.name()))
				.filter(check -> check.status() == ReceiptCheck.Status.PASSED)
				.count();
		return noneFailed && corePassed == 4;
	}

	public List<ReceiptCheck> verify(String resourceType, String resourceId, String versionId, StoredVersion stored) {
		String reference = resourceType + "/" + resourceId + "/_history/" + versionId;
		LedgerReceipts.ReceiptLookup lookup;
		try {
			lookup = receipts.lookUp(resourceType, resourceId, versionId);
		} catch (RuntimeException e) {
			return List.of(ReceiptCheck.failed("entry", "The ledger cannot be read for " + reference + ": " + e.getMessage()));
		}
		switch (lookup.status()) {
			case NOT_RECORDED:
				return List.of(ReceiptCheck.failed("entry", "The ledger has no entry for " + reference
						+ ": the version was stored without being recorded, or its entry was removed."));
			case PENDING:
				return List.of(new ReceiptCheck("entry", ReceiptCheck.Status.PENDING, reference
						+ " is recorded in the outbox and waits for its leaf index; verify again in a moment."));
			default:
				break;
		}
		LedgerReceipt receipt = lookup.receipt().orElseThrow();
		List<ReceiptCheck> checks = new ArrayList<>();
		Optional<LedgerEntry> entry = checkEntry(receipt, resourceType, resourceId, versionId, checks);
		checks.add(checkResourceHash(entry, stored, reference));
		checks.add(checkInclusion(receipt));
		checks.add(checkSignature(receipt.head().head(), "signature"));
		checks.add(checkAnchor(receipt.head()));
		checks.add(checkConsistency());
		return checks;
	}

	private static Optional<LedgerEntry> checkEntry(LedgerReceipt receipt, String type, String id, String version,
			List<ReceiptCheck> checks) {
		LedgerEntry entry;
		try {
			entry = receipt.entry().decode();
		} catch (IllegalArgumentException e) {
			checks.add(ReceiptCheck.failed("entry", "The entry at leaf " + receipt.leafIndex()
					+ " is not a canonical ledger entry any more: " + e.getMessage()));
			return Optional.empty();
		}
		if (!entry.resourceType().equals(type) || !entry.resourceId().equals(id) || !entry.versionId().equals(version)) {
			checks.add(ReceiptCheck.failed("entry", "The entry at leaf " + receipt.leafIndex() + " records "
					+ entry.versionedReference() + ", not " + type + "/" + id + "/_history/" + version + "."));
			return Optional.empty();
		}
		checks.add(ReceiptCheck.passed("entry", "Leaf " + receipt.leafIndex() + " records the " + entry.action().code() + " of "
				+ entry.versionedReference() + " by " + entry.actor() + " at " + entry.recordedAt() + "."));
		return Optional.of(entry);
	}

	private static ReceiptCheck checkResourceHash(Optional<LedgerEntry> entry, StoredVersion stored, String reference) {
		if (entry.isEmpty()) {
			return ReceiptCheck.failed("resource-hash", "No trustworthy entry to compare the stored version with.");
		}
		if (entry.get().action() == LedgerAction.DELETE) {
			return ReceiptCheck.passed("resource-hash", "The entry records a delete, which has no content.");
		}
		if (stored.hash().isEmpty()) {
			return ReceiptCheck.failed("resource-hash", "The stored version " + reference + " cannot be read: " + stored.problem());
		}
		byte[] recorded = entry.get().resourceHash();
		if (!Arrays.equals(recorded, stored.hash().get())) {
			return ReceiptCheck.failed("resource-hash", "The stored content of " + reference + " hashes to "
					+ HEX.formatHex(stored.hash().get()) + " but the ledger recorded " + HEX.formatHex(recorded)
					+ ": the resource was changed after it was recorded.");
		}
		return ReceiptCheck.passed("resource-hash", "The stored content of " + reference + " hashes to "
				+ HEX.formatHex(recorded) + ", as recorded.");
	}

	private static ReceiptCheck checkInclusion(LedgerReceipt receipt) {
		SignedTreeHead head = receipt.head().head();
		try {
			LedgerVerifier.verifyInclusion(receipt.leafIndex(), head.treeSize(), LedgerVerifier.leafHash(receipt.entry().bytes()),
					receipt.proof().auditPath(), head.rootHash());
			return ReceiptCheck.passed("inclusion", "Leaf " + receipt.leafIndex() + " is in the tree of size " + head.treeSize()
					+ " whose root is " + HEX.formatHex(head.rootHash()) + " (" + receipt.proof().auditPath().size()
					+ " hashes in the audit path).");
		} catch (VerificationException e) {
			return ReceiptCheck.failed("inclusion", "The entry at leaf " + receipt.leafIndex() + " is not in the tree of size "
					+ head.treeSize() + " (" + e.failure() + ": " + e.getMessage() + "): the entry or the tree was altered.");
		} catch (RuntimeException e) {
			return ReceiptCheck.failed("inclusion", "No inclusion proof for leaf " + receipt.leafIndex() + ": " + e.getMessage());
		}
	}

	private ReceiptCheck checkSignature(SignedTreeHead head, String name) {
		try {
			keys.verify(head);
			return ReceiptCheck.passed(name, "The head of size " + head.treeSize() + " signed at " + java.time.Instant.ofEpochMilli(
					head.timestampMillis()) + " carries a valid Ed25519 signature by key " + head.keyId() + ".");
		} catch (VerificationException e) {
			return ReceiptCheck.failed(name, "The head of size " + head.treeSize() + " has no valid signature by a published key ("
					+ e.failure() + ": " + e.getMessage() + ").");
		}
	}

	private ReceiptCheck checkAnchor(StoredTreeHead head) {
		if (chain.isEmpty()) {
			return new ReceiptCheck("anchor", ReceiptCheck.Status.NOT_CONFIGURED,
					"Anchoring is off on this server: tree heads are signed but not anchored on a chain.");
		}
		Optional<ChainAnchor> anchor = head.anchor();
		if (anchor.isEmpty()) {
			return new ReceiptCheck("anchor", ReceiptCheck.Status.PENDING, "The head of size " + head.treeSize()
					+ " is not anchored yet; the next anchoring will cover it.");
		}
		return compareWithChain(head.head(), anchor.get(), "anchor");
	}

	private ReceiptCheck compareWithChain(SignedTreeHead head, ChainAnchor recorded, String name) {
		Optional<AnchoredHead> onChain;
		try {
			onChain = chain.orElseThrow().anchoredAt(head.treeSize());
		} catch (RuntimeException e) {
			return ReceiptCheck.failed(name, "The chain cannot be read (" + chain.get().describe() + "): " + e.getMessage());
		}
		if (onChain.isEmpty()) {
			return ReceiptCheck.failed(name, "The ledger says size " + head.treeSize() + " was anchored in transaction "
					+ recorded.transactionHash() + ", but " + chain.get().describe() + " holds no root for that size.");
		}
		if (!Arrays.equals(onChain.get().rootHash(), head.rootHash())) {
			return ReceiptCheck.failed(name, chain.get().describe() + " holds root " + HEX.formatHex(onChain.get().rootHash())
					+ " for size " + head.treeSize() + ", but the ledger's head has " + HEX.formatHex(head.rootHash()) + ".");
		}
		return ReceiptCheck.passed(name, "The root of size " + head.treeSize() + " is anchored on " + chain.get().describe()
				+ " in transaction " + recorded.transactionHash() + ", block " + onChain.get().blockNumber() + ".");
	}

	private ReceiptCheck checkConsistency() {
		if (chain.isEmpty()) {
			return new ReceiptCheck("consistency", ReceiptCheck.Status.NOT_CONFIGURED,
					"Anchoring is off: there is no anchored head to check the log against.");
		}
		try {
			// The newest anchor is read from the chain: records of anchors in our database could have been erased.
			long anchoredSize = chain.get().latestAnchoredSize();
			if (anchoredSize == 0) {
				return new ReceiptCheck("consistency", ReceiptCheck.Status.PENDING, "Nothing is anchored on "
						+ chain.get().describe() + " yet.");
			}
			Optional<AnchoredHead> onChain = chain.get().anchoredAt(anchoredSize);
			if (onChain.isEmpty()) {
				return ReceiptCheck.failed("consistency", chain.get().describe() + " reports size " + anchoredSize
						+ " as anchored but holds no root for it.");
			}
			SignedTreeHead latest = reader.latestHead().orElseThrow().head();
			ReceiptCheck latestSignature = checkSignature(latest, "consistency");
			if (latestSignature.status() == ReceiptCheck.Status.FAILED) {
				return latestSignature;
			}
			if (latest.treeSize() < anchoredSize) {
				return ReceiptCheck.failed("consistency", "The log has " + latest.treeSize() + " entries, fewer than the "
						+ anchoredSize + " anchored on " + chain.get().describe() + ": entries were removed.");
			}
			if (latest.treeSize() == anchoredSize) {
				if (!Arrays.equals(latest.rootHash(), onChain.get().rootHash())) {
					return ReceiptCheck.failed("consistency", "The log's head of size " + anchoredSize + " has root "
							+ HEX.formatHex(latest.rootHash()) + ", but the chain anchored " + HEX.formatHex(onChain.get().rootHash())
							+ ": the log was rewritten.");
				}
			} else {
				LedgerVerifier.verifyConsistency(anchoredSize, onChain.get().rootHash(), latest.treeSize(), latest.rootHash(),
						reader.consistencyProof(anchoredSize, latest.treeSize()).path());
			}
			return ReceiptCheck.passed("consistency", "The log of size " + latest.treeSize() + " extends the head of size "
					+ anchoredSize + " anchored on " + chain.get().describe() + ": nothing before it was rewritten.");
		} catch (VerificationException e) {
			return ReceiptCheck.failed("consistency", "The log today does not extend the root anchored on chain (" + e.failure()
					+ ": " + e.getMessage() + "): the log was rewritten.");
		} catch (RuntimeException e) {
			return ReceiptCheck.failed("consistency", "The log cannot be checked against the chain: " + e.getMessage());
		}
	}
}
