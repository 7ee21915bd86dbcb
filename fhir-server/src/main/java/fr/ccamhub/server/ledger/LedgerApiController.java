package fr.ccamhub.server.ledger;

import fr.ccamhub.interceptors.security.RequestPrincipals;
import fr.ccamhub.interceptors.security.Role;
import fr.ccamhub.ledger.entry.LedgerEntry;
import fr.ccamhub.ledger.head.PemPublicKeys;
import fr.ccamhub.ledger.merkle.ConsistencyProof;
import fr.ccamhub.ledger.merkle.InclusionProof;
import fr.ccamhub.ledger.store.JdbcLedgerReader;
import fr.ccamhub.ledger.store.SequencedEntry;
import fr.ccamhub.ledger.store.StoredTreeHead;
import fr.ccamhub.ledger.verify.LedgerVerifier;
import jakarta.servlet.http.HttpServletRequest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The ledger's JSON API, in the style of Certificate Transparency (RFC 6962 §4): hashes and signatures in base64.
 * Heads, proofs and keys are public, as they hold only hashes; entries (resource ids and actors) need the auditor or
 * admin role.
 */
@RestController
@RequestMapping("/ledger/v1")
@ConditionalOnProperty(name = "ccamhub.ledger.enabled", havingValue = "true", matchIfMissing = true)
class LedgerApiController {

	/** Most entries one request returns; a client pages with start/end. */
	static final int MAX_ENTRIES = 1000;

	private static final Base64.Encoder BASE64 = Base64.getEncoder();

	private final JdbcLedgerReader reader;
	private final LedgerSigningKeys keys;

	LedgerApiController(JdbcLedgerReader reader, LedgerSigningKeys keys) {
		this.reader = reader;
		this.keys = keys;
	}

	@GetMapping("/sth")
	Map<String, Object> signedTreeHead(@RequestParam(name = "tree_size", required = false) Long treeSize) {
		StoredTreeHead head = (treeSize == null ? reader.latestHead() : reader.head(treeSize)).orElseThrow(() ->
				new LedgerApiException(HttpStatus.NOT_FOUND, treeSize == null ? "the ledger has no signed head yet"
						: "no head of size " + treeSize + " was signed (heads are signed per sequencing batch; see the latest with /ledger/v1/sth)"));
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("tree_size", head.treeSize());
		json.put("timestamp", head.head().timestampMillis());
		json.put("sha256_root_hash", BASE64.encodeToString(head.head().rootHash()));
		json.put("tree_head_signature", BASE64.encodeToString(head.head().signature()));
		json.put("signature_algorithm", "Ed25519");
		json.put("key_id", head.head().keyId());
		json.put("anchor", head.anchor().map(anchor -> {
			Map<String, Object> onChain = new LinkedHashMap<>();
			onChain.put("chain_id", anchor.chainId());
			onChain.put("contract", anchor.contractAddress());
			onChain.put("tx_hash", anchor.transactionHash());
			onChain.put("block_number", anchor.blockNumber());
			return onChain;
		}).orElse(null));
		return json;
	}

	@GetMapping("/proof/inclusion")
	Map<String, Object> inclusionProof(@RequestParam("leaf_index") long leafIndex, @RequestParam("tree_size") long treeSize) {
		long size = reader.treeSize();
		if (leafIndex < 0 || treeSize <= leafIndex || treeSize > size) {
			throw new LedgerApiException(HttpStatus.BAD_REQUEST, "need 0 <= leaf_index < tree_size <= " + size + " (the current size), got leaf_index="
					+ leafIndex + " and tree_size=" + treeSize);
		}
		InclusionProof proof = reader.inclusionProof(leafIndex, treeSize);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("leaf_index", leafIndex);
		json.put("tree_size", treeSize);
		json.put("leaf_hash", BASE64.encodeToString(reader.leafHash(leafIndex).orElseThrow()));
		json.put("audit_path", base64(proof.auditPath()));
		return json;
	}

	@GetMapping("/proof/consistency")
	Map<String, Object> consistencyProof(@RequestParam("first") long first, @RequestParam("second") long second) {
		long size = reader.treeSize();
		if (first <= 0 || second < first || second > size) {
			throw new LedgerApiException(HttpStatus.BAD_REQUEST, "need 0 < first <= second <= " + size + " (the current size), got first="
					+ first + " and second=" + second);
		}
		ConsistencyProof proof = reader.consistencyProof(first, second);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("first", first);
		json.put("second", second);
		json.put("consistency", base64(proof.path()));
		return json;
	}

	@GetMapping("/entries")
	Map<String, Object> entries(@RequestParam("start") long start, @RequestParam("end") long end, HttpServletRequest request) {
		boolean allowed = RequestPrincipals.ofServletRequest(request)
				.map(principal -> principal.has(Role.AUDITOR) || principal.has(Role.ADMIN)).orElse(false);
		if (!allowed) {
			throw new LedgerApiException(HttpStatus.FORBIDDEN, "ledger entries name resources and actors: the auditor or admin role is required");
		}
		if (start < 0 || end < start) {
			throw new LedgerApiException(HttpStatus.BAD_REQUEST, "need 0 <= start <= end, got start=" + start + " and end=" + end);
		}
		long last = Math.min(end, start + MAX_ENTRIES - 1);
		List<Map<String, Object>> entries = new ArrayList<>();
		for (SequencedEntry sequenced : reader.entries(start, last)) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("leaf_index", sequenced.leafIndex());
			json.put("leaf_hash", BASE64.encodeToString(LedgerVerifier.leafHash(sequenced.bytes())));
			json.put("leaf_input", BASE64.encodeToString(sequenced.bytes()));
			try {
				LedgerEntry entry = sequenced.decode();
				json.put("resource", entry.versionedReference());
				json.put("resource_hash", entry.action().code().equals("delete") ? null
						: HexFormat.of().formatHex(entry.resourceHash()));
				json.put("action", entry.action().code());
				json.put("actor", entry.actor());
				json.put("time", entry.recordedAt().toString());
			} catch (IllegalArgumentException e) {
				json.put("error", "not a canonical ledger entry: " + e.getMessage());
			}
			entries.add(json);
		}
		return Map.of("entries", entries);
	}

	@GetMapping("/public-key")
	Map<String, Object> publicKey() {
		List<Map<String, Object>> published = new ArrayList<>();
		for (PublicKey key : keys.publishedKeys()) {
			published.add(Map.of("key_id", LedgerVerifier.keyId(key), "algorithm", "Ed25519", "public_key_pem", PemPublicKeys.toPem(key)));
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("algorithm", "Ed25519");
		json.put("key_id", keys.signingKey().keyId());
		json.put("public_key_pem", PemPublicKeys.toPem(keys.signingKey().publicKey()));
		json.put("keys", published);
		return json;
	}

	private static List<String> base64(List<byte[]> hashes) {
		return hashes.stream().map(BASE64::encodeToString).toList();
	}

	@ExceptionHandler(LedgerApiException.class)
	ResponseEntity<Map<String, String>> refused(LedgerApiException e) {
		return ResponseEntity.status(e.status()).body(Map.of("error", e.getMessage()));
	}

	@ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
	ResponseEntity<Map<String, String>> badParameter(Exception e) {
		return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
	}

	static final class LedgerApiException extends RuntimeException {

		private final HttpStatus status;

		LedgerApiException(HttpStatus status, String message) {
			super(message);
			this.status = status;
		}

		HttpStatus status() {
			return status;
		}
	}
}
