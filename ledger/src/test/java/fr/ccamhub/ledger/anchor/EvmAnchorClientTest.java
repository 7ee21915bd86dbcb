package fr.ccamhub.ledger.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Anchoring tree heads in the contract on a real Hardhat node, and reading them back. */
class EvmAnchorClientTest {

	/** Hardhat's default account #1: a key that does not own the contract. */
	private static final String ACCOUNT_1_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

	private static HardhatNode node;
	private EvmAnchorClient client;
	private AnchorSettings settings;

	@BeforeAll
	static void startNode() throws Exception {
		node = HardhatNode.start();
	}

	@AfterAll
	static void stopNode() {
		if (node != null) {
			node.close();
		}
	}

	@BeforeEach
	void deployContract() {
		AnchorSettings deployer = settings(null, 1, Duration.ofSeconds(20));
		try (EvmAnchorClient deploying = new EvmAnchorClient(deployer)) {
			settings = deployer.withContractAddress(deploying.deployContract());
		}
		client = new EvmAnchorClient(settings);
	}

	private static AnchorSettings settings(String contract, int confirmations, Duration timeout) {
		return new AnchorSettings(node.url(), HardhatNode.CHAIN_ID, contract, HardhatNode.ACCOUNT_0_KEY, confirmations,
				Duration.ofMillis(100), timeout);
	}

	private static byte[] root(String text) throws NoSuchAlgorithmException {
		return MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@Test
	void anAnchoredHeadIsReadBackFromTheContractAndItsEvent() throws Exception {
		assertThat(client.verifyChainId()).isEqualTo(31337);
		byte[] root = root("tree of 10");

		ChainAnchor anchor = client.anchor(10, root, 1_763_700_000_000L);

		assertThat(anchor.chainId()).isEqualTo(31337);
		assertThat(anchor.contractAddress()).isEqualToIgnoringCase(settings.contractAddress());
		assertThat(anchor.transactionHash()).startsWith("0x").hasSize(66);
		AnchoredHead onChain = client.read(10).orElseThrow();
		assertThat(onChain.rootHash()).isEqualTo(root);
		assertThat(onChain.timestamp()).isEqualTo(1_763_700_000_000L);
		assertThat(onChain.blockNumber()).isEqualTo(anchor.blockNumber());
		ChainAnchor fromEvent = client.findAnchor(10).orElseThrow();
		assertThat(fromEvent.transactionHash()).isEqualTo(anchor.transactionHash());
		assertThat(fromEvent.rootHash()).isEqualTo(root);
		assertThat(client.latestTreeSize()).isEqualTo(10);
		assertThat(client.read(11)).isEmpty();
	}

	@Test
	void anchoringTheSameHeadAgainReturnsTheFirstTransaction() throws Exception {
		byte[] root = root("tree of 5");
		ChainAnchor first = client.anchor(5, root, 1L);

		ChainAnchor again = client.anchor(5, root, 1L);

		assertThat(again.transactionHash()).isEqualTo(first.transactionHash());
		assertThat(again.blockNumber()).isEqualTo(first.blockNumber());
	}

	@Test
	void aRewrittenRootForAnAnchoredSizeIsRefused() throws Exception {
		client.anchor(7, root("original"), 1L);

		assertThatThrownBy(() -> client.anchor(7, root("rewritten"), 2L))
				.isInstanceOf(AnchorException.class)
				.hasMessageContaining("already anchored with another root");
		assertThat(client.read(7).orElseThrow().rootHash()).isEqualTo(root("original"));
	}

	@Test
	void theContractRefusesASmallerTreeAndAnotherAccount() throws Exception {
		client.anchor(20, root("twenty"), 1L);

		assertThatThrownBy(() -> client.anchor(15, root("fifteen"), 2L))
				.isInstanceOf(AnchorException.class)
				.hasMessageContaining("refuses");
		AnchorSettings stranger = new AnchorSettings(node.url(), HardhatNode.CHAIN_ID, settings.contractAddress(), ACCOUNT_1_KEY,
				1, Duration.ofMillis(100), Duration.ofSeconds(10));
		try (EvmAnchorClient other = new EvmAnchorClient(stranger)) {
			assertThatThrownBy(() -> other.anchor(30, root("thirty"), 3L))
					.isInstanceOf(AnchorException.class)
					.hasMessageContaining("refuses");
		}
		assertThat(client.latestTreeSize()).isEqualTo(20);
	}

	@Test
	void anAnchorWaitsForItsConfirmations() throws Exception {
		ScheduledExecutorService miner = Executors.newSingleThreadScheduledExecutor();
		try (EvmAnchorClient confirming = new EvmAnchorClient(settings.withConfirmations(3))) {
			miner.scheduleAtFixedRate(() -> {
				try {
					node.mineBlock();
				} catch (Exception e) {
					throw new IllegalStateException(e);
				}
			}, 200, 200, TimeUnit.MILLISECONDS);

			ChainAnchor anchor = confirming.anchor(40, root("forty"), 1L);

			assertThat(confirming.blockNumber()).isGreaterThanOrEqualTo(anchor.blockNumber() + 2);
		} finally {
			miner.shutdownNow();
		}
	}

	@Test
	void anAnchorWithoutEnoughConfirmationsInTimeFailsClearly() throws Exception {
		AnchorSettings impatient = new AnchorSettings(node.url(), HardhatNode.CHAIN_ID, settings.contractAddress(),
				HardhatNode.ACCOUNT_0_KEY, 5, Duration.ofMillis(100), Duration.ofSeconds(1));
		try (EvmAnchorClient confirming = new EvmAnchorClient(impatient)) {
			assertThatThrownBy(() -> confirming.anchor(50, root("fifty"), 1L))
					.isInstanceOf(AnchorException.class)
					.hasMessageContaining("confirmations");
		}
		// the transaction itself went through: a retry finds it instead of sending it again
		assertThat(client.read(50)).isPresent();
	}

	@Test
	void aNodeOnAnotherChainIsRefused() {
		AnchorSettings wrongChain = new AnchorSettings(node.url(), 1, settings.contractAddress(), HardhatNode.ACCOUNT_0_KEY, 1,
				Duration.ofMillis(100), Duration.ofSeconds(5));
		try (EvmAnchorClient other = new EvmAnchorClient(wrongChain)) {
			assertThatThrownBy(other::verifyChainId).isInstanceOf(AnchorException.class).hasMessageContaining("chain 31337");
		}
	}

	@Test
	void anUnreachableNodeIsReportedAsSuch() {
		AnchorSettings nowhere = new AnchorSettings("http://127.0.0.1:9", HardhatNode.CHAIN_ID, settings.contractAddress(),
				HardhatNode.ACCOUNT_0_KEY, 1, Duration.ofMillis(50), Duration.ofSeconds(1));
		try (EvmAnchorClient other = new EvmAnchorClient(nowhere)) {
			assertThatThrownBy(other::verifyChainId).isInstanceOf(AnchorException.class).hasMessageContaining("cannot be reached");
		}
	}
}
