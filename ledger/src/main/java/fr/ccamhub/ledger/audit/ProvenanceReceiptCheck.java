package fr.ccamhub.ledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ccamhub.ledger.anchor.AnchorSettings;
import fr.ccamhub.ledger.anchor.AnchoredHead;
import fr.ccamhub.ledger.anchor.EvmAnchorClient;
import fr.ccamhub.ledger.entry.LedgerEntry;
import fr.ccamhub.ledger.entry.LedgerEntryCodec;
import fr.ccamhub.ledger.entry.ResourceHasher;
import fr.ccamhub.ledger.verify.LedgerVerifier;
import fr.ccamhub.ledger.verify.LedgerVerifier.VerificationException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The auditor's check of a Provenance, on their own machine, trusting nothing of ccamhub but its published key:
 *
 * <pre>
 * java -cp ledger.jar:... fr.ccamhub.ledger.audit.ProvenanceReceiptCheck \
 *     provenance.json public-key.pem [resource-version.json] [--chain https://rpc.example chain-id]
 * </pre>
 *
 * For each {@code ledger-receipt} of the Provenance it checks that the entry names the target, that the resource
 * version (as fetched from the FHIR API: {@code GET Procedure/1/_history/2}) hashes as recorded, the inclusion proof,
 * the head's signature, and, with {@code --chain}, that the contract holds the head's root. Exit status 0 when every
 * check passed, 1 otherwise.
 */
public final class ProvenanceReceiptCheck {

	static final String RECEIPT_URL = "https://fhir.ccamhub.fr/StructureDefinition/ledger-receipt";
	/** Read-only calls need a sender address, never a signature: any valid key serves. */
	private static final String READ_ONLY_KEY = "0x0000000000000000000000000000000000000000000000000000000000000001";

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final HexFormat HEX = HexFormat.of();

	private final PrintStream out;
	private boolean allPassed = true;

	public ProvenanceReceiptCheck(PrintStream out) {
		this.out = out;
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			System.err.println("usage: ProvenanceReceiptCheck provenance.json public-key.pem [resource-version.json ...] "
					+ "[--chain <json-rpc-url> <chain-id>]");
			System.exit(2);
		}
		List<JsonNode> versions = new ArrayList<>();
		String chainUrl = null;
		long chainId = 0;
		for (int i = 2; i < args.length; i++) {
			if (args[i].equals("--chain")) {
				chainUrl = args[++i];
				chainId = Long.parseLong(args[++i]);
			} else {
				versions.add(JSON.readTree(Files.readString(Path.of(args[i]))));
			}
		}
		PublicKey key = LedgerVerifier.publicKeyFromPem(Files.readString(Path.of(args[1])));
		ProvenanceReceiptCheck check = new ProvenanceReceiptCheck(System.out);
		boolean passed = check.run(JSON.readTree(Files.readString(Path.of(args[0]))), key, versions,
				Optional.ofNullable(chainUrl), chainId);
		System.exit(passed ? 0 : 1);
	}

	/** Checks every receipt of the Provenance; prints one line per check; true when all passed. */
	public boolean run(JsonNode provenance, PublicKey key, List<JsonNode> versions, Optional<String> chainUrl, long chainId)
			throws IOException {
		List<JsonNode> receipts = new ArrayList<>();
		provenance.path("extension").forEach(extension -> {
			if (RECEIPT_URL.equals(extension.path("url").asText())) {
				receipts.add(extension);
			}
		});
		if (receipts.isEmpty()) {
			report(false, "receipt", "the Provenance carries no " + RECEIPT_URL + " extension");
			return false;
		}
		for (JsonNode receipt : receipts) {
			checkReceipt(receipt, key, versions, chainUrl, chainId);
		}
		return allPassed;
	}

	private void checkReceipt(JsonNode receipt, PublicKey key, List<JsonNode> versions, Optional<String> chainUrl, long chainId) {
		String target = part(receipt, "target").path("valueString").asText();
		out.println("Target " + target);
		String status = part(receipt, "status").path("valueCode").asText();
		if (!"recorded".equals(status)) {
			report(false, "entry", "receipt status is " + status + ", not recorded");
			return;
		}
		byte[] entryBytes = base64(receipt, "entry");
		LedgerEntry entry;
		try {
			entry = LedgerEntryCodec.decode(entryBytes);
		} catch (IllegalArgumentException e) {
			report(false, "entry", "not a canonical ledger entry: " + e.getMessage());
			return;
		}
		report(entry.versionedReference().equals(target), "entry", entry.action().code() + " of " + entry.versionedReference()
				+ " by " + entry.actor() + " at " + entry.recordedAt());
		checkResourceHash(entry, versions);
		long leaf = number(receipt, "leafIndex");
		long size = number(receipt, "treeSize");
		byte[] root = base64(receipt, "rootHash");
		List<byte[]> path = new ArrayList<>();
		receipt.path("extension").forEach(part -> {
			if ("auditPath".equals(part.path("url").asText())) {
				path.add(Base64.getDecoder().decode(part.path("valueBase64Binary").asText()));
			}
		});
		long timestamp = Instant.parse(part(receipt, "timestamp").path("valueInstant").asText()).toEpochMilli();
		try {
			LedgerVerifier.verifyInclusion(leaf, size, LedgerVerifier.leafHash(entryBytes), path, root);
			report(true, "inclusion", "leaf " + leaf + " is in the tree of size " + size + ", root " + HEX.formatHex(root));
		} catch (VerificationException e) {
			report(false, "inclusion", e.failure() + ": " + e.getMessage());
		}
		try {
			LedgerVerifier.verifyTreeHeadSignature(key, size, timestamp, root, base64(receipt, "signature"));
			report(true, "signature", "head of size " + size + " signed at " + Instant.ofEpochMilli(timestamp) + " by key "
					+ LedgerVerifier.keyId(key));
		} catch (VerificationException e) {
			report(false, "signature", e.failure() + ": " + e.getMessage());
		}
		checkAnchor(receipt, size, root, chainUrl, chainId);
	}

	private void checkResourceHash(LedgerEntry entry, List<JsonNode> versions) {
		if (entry.resourceHash() == null) {
			report(true, "resource-hash", "a delete has no content");
			return;
		}
		for (JsonNode version : versions) {
			String reference = version.path("resourceType").asText() + "/" + version.path("id").asText() + "/_history/"
					+ version.path("meta").path("versionId").asText();
			if (reference.equals(entry.versionedReference())) {
				byte[] hash = ResourceHasher.hashFhirResource(version.toString());
				report(Arrays.equals(hash, entry.resourceHash()), "resource-hash", "the version given hashes to "
						+ HEX.formatHex(hash) + ", the ledger recorded " + HEX.formatHex(entry.resourceHash()));
				return;
			}
		}
		out.println("  [skipped] resource-hash: no version of " + entry.versionedReference() + " given");
	}

	private void checkAnchor(JsonNode receipt, long size, byte[] root, Optional<String> chainUrl, long chainId) {
		JsonNode contract = part(receipt, "contract");
		if (contract.isMissingNode()) {
			out.println("  [skipped] anchor: the head is not anchored yet");
			return;
		}
		if (chainUrl.isEmpty()) {
			out.println("  [skipped] anchor: no --chain given (contract " + contract.path("valueString").asText() + ", transaction "
					+ part(receipt, "transactionHash").path("valueString").asText() + ")");
			return;
		}
		AnchorSettings settings = new AnchorSettings(chainUrl.get(), chainId, contract.path("valueString").asText(), READ_ONLY_KEY,
				1, Duration.ofSeconds(1), Duration.ofSeconds(30));
		try (EvmAnchorClient chain = new EvmAnchorClient(settings)) {
			chain.verifyChainId();
			Optional<AnchoredHead> anchored = chain.read(size);
			report(anchored.isPresent() && Arrays.equals(anchored.get().rootHash(), root), "anchor", anchored
					.map(head -> "the contract holds root " + HEX.formatHex(head.rootHash()) + " for size " + size + " (block "
							+ head.blockNumber() + ")")
					.orElse("the contract holds no root for size " + size));
		} catch (RuntimeException e) {
			report(false, "anchor", "the chain cannot be read: " + e.getMessage());
		}
	}

	private void report(boolean passed, String check, String message) {
		allPassed &= passed;
		out.println("  [" + (passed ? "passed" : "FAILED") + "] " + check + ": " + message);
	}

	private static JsonNode part(JsonNode receipt, String url) {
		for (JsonNode part : receipt.path("extension")) {
			if (url.equals(part.path("url").asText())) {
				return part;
			}
		}
		return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
	}

	private static byte[] base64(JsonNode receipt, String url) {
		return Base64.getDecoder().decode(part(receipt, url).path("valueBase64Binary").asText());
	}

	private static long number(JsonNode receipt, String url) {
		return part(receipt, url).path("valueDecimal").decimalValue().longValueExact();
	}
}
