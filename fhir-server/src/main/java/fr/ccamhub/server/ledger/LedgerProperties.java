package fr.ccamhub.server.ledger;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tamper-evident ledger ({@code ccamhub.ledger}): what it records, the key that signs its heads, how often
 * entries are sequenced, and where heads are anchored (off unless a node URL is set).
 */
@ConfigurationProperties("ccamhub.ledger")
public record LedgerProperties(
		@DefaultValue("true") boolean enabled,
		@DefaultValue({"Procedure", "Task", "Claim", "ClaimResponse", "Consent", "AuditEvent", "Provenance"}) List<String> resourceTypes,
		Signing signing,
		@DefaultValue Sequencer sequencer,
		@DefaultValue Anchor anchor) {

	/**
	 * The Ed25519 key that signs tree heads, in a PKCS#12 keystore. Every key in the keystore is published and
	 * trusted for verification, so rotating means adding an alias and pointing {@code alias} at it.
	 */
	public record Signing(
			Path keyStore,
			String keyStorePassword,
			@DefaultValue("ledger-sth") String alias,
			@DefaultValue("false") boolean generateIfMissing) {

		public Signing {
			if (keyStore == null) {
				throw new IllegalArgumentException("ccamhub.ledger.signing.key-store is required: the PKCS#12 keystore of the "
						+ "tree-head signing key");
			}
			if (keyStorePassword == null || keyStorePassword.isEmpty()) {
				throw new IllegalArgumentException("ccamhub.ledger.signing.key-store-password is required "
						+ "(CCAMHUB_LEDGER_SIGNING_KEYSTOREPASSWORD)");
			}
		}
	}

	/** How entries move from the outbox into the tree: at least every {@code interval}, and right after each commit. */
	public record Sequencer(
			@DefaultValue("500ms") Duration interval,
			@DefaultValue("1000") int batchSize,
			@DefaultValue("50ms") Duration linger) {}

	/**
	 * Anchoring of signed heads on an EVM chain. Off while {@code nodeUrl} is empty. Without {@code contractAddress},
	 * the ledger deploys the TreeHeadAnchor contract on first use and remembers it.
	 */
	public record Anchor(
			@DefaultValue("") String nodeUrl,
			@DefaultValue("0") long chainId,
			@DefaultValue("") String contractAddress,
			@DefaultValue("") String privateKey,
			@DefaultValue("3") int confirmations,
			@DefaultValue("1000") long everyEntries,
			@DefaultValue("10m") Duration every,
			@DefaultValue("30s") Duration checkInterval,
			@DefaultValue("2s") Duration pollInterval,
			@DefaultValue("5m") Duration timeout) {

		public boolean enabled() {
			return nodeUrl != null && !nodeUrl.isBlank();
		}
	}
}
