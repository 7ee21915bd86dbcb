package fr.ccamhub.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ccamhub.ledger.anchor.AnchorSettings;
import fr.ccamhub.ledger.anchor.AnchoredHead;
import fr.ccamhub.ledger.anchor.ChainAnchor;
import fr.ccamhub.ledger.anchor.HardhatNode;
import fr.ccamhub.ledger.entry.LedgerAction;
import fr.ccamhub.ledger.entry.LedgerEntry;
import fr.ccamhub.ledger.head.SigningKey;
import fr.ccamhub.ledger.head.TreeHeadSigner;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Anchoring signed heads from PostgreSQL on a real Hardhat node, on schedule, one instance at a time. */
class LedgerAnchoringTest {

	private static HardhatNode node;
	private DataSource dataSource;
	private LedgerSequencer sequencer;
	private JdbcLedgerReader reader;
	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-21T10:00:00Z"));
	private final Clock clock = new Clock() {
		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now.get();
		}
	};

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
	void database() throws Exception {
		dataSource = LedgerDatabase.fresh();
		sequencer = new LedgerSequencer(dataSource, new TreeHeadSigner(SigningKey.generate(), clock), 100);
		reader = new JdbcLedgerReader(dataSource);
	}

	private LedgerAnchoring anchoring(long everyEntries, Duration every) {
		AnchorSettings settings = new AnchorSettings(node.url(), HardhatNode.CHAIN_ID, null, HardhatNode.ACCOUNT_0_KEY, 1,
				Duration.ofMillis(100), Duration.ofSeconds(30));
		return new LedgerAnchoring(dataSource, settings, everyEntries, every, clock);
	}

	private void append(int count) throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			for (int n = 0; n < count; n++) {
				byte[] hash = new byte[32];
				hash[0] = (byte) n;
				LedgerOutbox.enqueue(connection, new LedgerEntry("Claim", "c" + System.nanoTime(), "1", hash, LedgerAction.CREATE,
						"Practitioner/7", now.get()));
			}
		}
		sequencer.drain();
	}

	@Test
	void theFirstHeadIsAnchoredAtOnceOnAContractTheLedgerDeploysAndRemembers() throws Exception {
		try (LedgerAnchoring anchoring = anchoring(1000, Duration.ofMinutes(10))) {
			assertThat(anchoring.anchorIfDue()).isEmpty();
			append(3);

			ChainAnchor anchor = anchoring.anchorIfDue().orElseThrow();

			StoredTreeHead head = reader.latestHead().orElseThrow();
			assertThat(anchor.treeSize()).isEqualTo(3);
			assertThat(head.anchor()).hasValueSatisfying(recorded -> {
				assertThat(recorded.transactionHash()).isEqualTo(anchor.transactionHash());
				assertThat(recorded.blockNumber()).isEqualTo(anchor.blockNumber());
				assertThat(recorded.chainId()).isEqualTo(31337);
			});
			AnchoredHead onChain = anchoring.onChain(3).orElseThrow();
			assertThat(onChain.rootHash()).isEqualTo(head.head().rootHash());
			assertThat(onChain.timestamp()).isEqualTo(head.head().timestampMillis());
			assertThat(anchoring.contractAddress()).contains(anchor.contractAddress());
		}
		try (LedgerAnchoring restarted = anchoring(1000, Duration.ofMinutes(10))) {
			assertThat(restarted.contractAddress()).isPresent();
			assertThat(restarted.onChain(3)).isPresent();
		}
	}

	@Test
	void laterHeadsAreAnchoredAfterNEntriesOrTSecondsNotBefore() throws Exception {
		try (LedgerAnchoring anchoring = anchoring(10, Duration.ofSeconds(60))) {
			append(1);
			assertThat(anchoring.anchorIfDue()).isPresent();

			append(4);
			assertThat(anchoring.anchorIfDue()).as("5 entries, 0 s").isEmpty();

			append(6);
			assertThat(anchoring.anchorIfDue()).as("11 entries since the last anchor").map(ChainAnchor::treeSize).contains(11L);

			append(1);
			now.set(now.get().plusSeconds(59));
			assertThat(anchoring.anchorIfDue()).as("1 entry, 59 s").isEmpty();
			now.set(now.get().plusSeconds(1));
			assertThat(anchoring.anchorIfDue()).as("1 entry, 60 s").map(ChainAnchor::treeSize).contains(12L);

			now.set(now.get().plusSeconds(600));
			assertThat(anchoring.anchorIfDue()).as("nothing new").isEmpty();
		}
	}

	@Test
	void twoInstancesNeverAnchorTheSameHeadTwice() throws Exception {
		append(5);
		try (LedgerAnchoring first = anchoring(1, Duration.ofSeconds(1)); LedgerAnchoring second = anchoring(1, Duration.ofSeconds(1))) {
			// The contract exists before the race, as it does after the first anchor of a running ledger.
			append(0);
			first.anchorIfDue();
			append(5);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<Callable<Optional<ChainAnchor>>> both = List.of(first::anchorIfDue, second::anchorIfDue);
				List<Optional<ChainAnchor>> results = new ArrayList<>();
				for (Future<Optional<ChainAnchor>> result : pool.invokeAll(both)) {
					results.add(result.get());
				}
				assertThat(results.stream().filter(Optional::isPresent)).hasSize(1);
			} finally {
				pool.shutdownNow();
			}
			assertThat(reader.latestAnchoredHead().orElseThrow().treeSize()).isEqualTo(10);
		}
	}
}
