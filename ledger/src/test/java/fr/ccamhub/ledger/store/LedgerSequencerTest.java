package fr.ccamhub.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import fr.ccamhub.ledger.entry.LedgerAction;
import fr.ccamhub.ledger.entry.LedgerEntry;
import fr.ccamhub.ledger.entry.LedgerEntryCodec;
import fr.ccamhub.ledger.head.PublicKeyRing;
import fr.ccamhub.ledger.head.SigningKey;
import fr.ccamhub.ledger.head.TreeHeadSigner;
import fr.ccamhub.ledger.merkle.ConsistencyProof;
import fr.ccamhub.ledger.merkle.InMemoryTreeNodeStore;
import fr.ccamhub.ledger.merkle.InclusionProof;
import fr.ccamhub.ledger.merkle.MerkleLog;
import fr.ccamhub.ledger.verify.LedgerVerifier;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox, the sequencer and the reader on a real PostgreSQL. */
class LedgerSequencerTest {

	private final SigningKey key = SigningKey.generate();
	private DataSource dataSource;
	private LedgerSequencer sequencer;
	private JdbcLedgerReader reader;

	@BeforeEach
	void database() throws Exception {
		dataSource = LedgerDatabase.fresh();
		sequencer = new LedgerSequencer(dataSource, new TreeHeadSigner(key, Clock.systemUTC()), 7);
		reader = new JdbcLedgerReader(dataSource);
	}

	private static LedgerEntry entry(int n) {
		byte[] hash = new byte[32];
		hash[0] = (byte) n;
		hash[1] = (byte) (n >> 8);
		return new LedgerEntry("Procedure", "p" + n, "1", hash, LedgerAction.CREATE, "Practitioner/1",
				Instant.parse("2026-11-21T10:00:00Z").plusMillis(n));
	}

	private void enqueue(int from, int to) throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			for (int n = from; n < to; n++) {
				LedgerOutbox.enqueue(connection, entry(n));
			}
		}
	}

	@Test
	void anEmptyLogHasASignedHeadOfSizeZero() throws Exception {
		sequencer.signInitialHead();
		sequencer.signInitialHead();

		StoredTreeHead head = reader.latestHead().orElseThrow();
		assertThat(head.treeSize()).isZero();
		assertThat(head.head().rootHash()).isEqualTo(LedgerVerifier.emptyRoot());
		assertThatCode(() -> PublicKeyRing.of(key.publicKey()).verify(head.head())).doesNotThrowAnyException();
	}

	@Test
	void outboxEntriesGetLeafIndexesInBatchesAndTheRootMatchesAnInMemoryLog() throws Exception {
		enqueue(0, 20);

		assertThat(sequencer.drain()).isEqualTo(20);
		assertThat(sequencer.drain()).isZero();

		MerkleLog reference = new MerkleLog(new InMemoryTreeNodeStore());
		for (int n = 0; n < 20; n++) {
			reference.append(LedgerEntryCodec.encode(entry(n)));
		}
		StoredTreeHead head = reader.latestHead().orElseThrow();
		assertThat(head.treeSize()).isEqualTo(20);
		assertThat(head.head().rootHash()).isEqualTo(reference.head().rootHash());
		assertThat(reader.rootAt(20)).isEqualTo(reference.head().rootHash());
		assertThat(reader.entry(13).orElseThrow().decode()).isEqualTo(entry(13));
		assertThat(reader.leafIndexesOf("Procedure", "p13", "1")).containsExactly(13L);
		assertThat(reader.outboxState().waiting()).isZero();
		// one head per batch of 7: sizes 7, 14, 20
		assertThat(reader.head(7)).isPresent();
		assertThat(reader.head(14)).isPresent();
	}

	@Test
	void proofsFromTheDatabaseVerifyWithTheIndependentVerifier() throws Exception {
		enqueue(0, 45);
		sequencer.drain();
		StoredTreeHead head = reader.latestHead().orElseThrow();

		for (long leaf : new long[] {0, 1, 17, 44}) {
			InclusionProof proof = reader.inclusionProof(leaf, head.treeSize());
			byte[] leafHash = LedgerVerifier.leafHash(reader.entry(leaf).orElseThrow().bytes());
			assertThatCode(() -> LedgerVerifier.verifyInclusion(leaf, head.treeSize(), leafHash, proof.auditPath(),
					head.head().rootHash())).doesNotThrowAnyException();
		}
		StoredTreeHead older = reader.head(14).orElseThrow();
		ConsistencyProof consistency = reader.consistencyProof(14, 45);
		assertThatCode(() -> LedgerVerifier.verifyConsistency(14, older.head().rootHash(), 45, head.head().rootHash(),
				consistency.path())).doesNotThrowAnyException();
	}

	@Test
	void concurrentSequencersAppendEachEntryOnce() throws Exception {
		enqueue(0, 300);
		LedgerSequencer other = new LedgerSequencer(dataSource, new TreeHeadSigner(key, Clock.systemUTC()), 5);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Long>> runs = new ArrayList<>();
			runs.add(pool.submit(sequencer::drain));
			runs.add(pool.submit(other::drain));
			long total = 0;
			for (Future<Long> run : runs) {
				total += run.get();
			}
			assertThat(total).isEqualTo(300);
		} finally {
			pool.shutdownNow();
		}
		assertThat(reader.treeSize()).isEqualTo(300);
		List<SequencedEntry> entries = reader.entries(0, 299);
		assertThat(entries).hasSize(300);
		assertThat(entries.stream().map(e -> e.decode().resourceId()).distinct()).hasSize(300);
		MerkleLog reference = new MerkleLog(new InMemoryTreeNodeStore());
		reference.appendAll(entries.stream().map(SequencedEntry::bytes).toList());
		assertThat(reader.latestHead().orElseThrow().head().rootHash()).isEqualTo(reference.head().rootHash());
	}

	@Test
	void aRolledBackWriteLeavesNoEntry() throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			LedgerOutbox.enqueue(connection, entry(1));
			connection.rollback();
		}
		assertThat(sequencer.drain()).isZero();
		assertThat(reader.treeSize()).isZero();
	}

	@Test
	void aWaitingEntryIsReportedPendingUntilSequenced() throws Exception {
		enqueue(3, 4);
		assertThat(reader.isPending("Procedure", "p3", "1")).isTrue();
		assertThat(reader.outboxState().waiting()).isEqualTo(1);
		assertThat(reader.outboxState().oldest()).isPresent();

		sequencer.drain();

		assertThat(reader.isPending("Procedure", "p3", "1")).isFalse();
		assertThat(reader.leafIndexesOf("Procedure", "p3", "1")).containsExactly(0L);
	}
}
