package fr.ccamhub.bench.ledger;

import fr.ccamhub.ledger.head.SignedTreeHead;
import fr.ccamhub.ledger.head.SigningKey;
import fr.ccamhub.ledger.head.TreeHeadSigner;
import fr.ccamhub.ledger.merkle.InclusionProof;
import fr.ccamhub.ledger.merkle.MerkleLog;
import fr.ccamhub.ledger.store.JdbcLedgerReader;
import fr.ccamhub.ledger.store.JdbcTreeNodeStore;
import fr.ccamhub.ledger.store.LedgerOutbox;
import fr.ccamhub.ledger.store.LedgerSequencer;
import fr.ccamhub.ledger.store.SequencedEntry;
import fr.ccamhub.ledger.verify.LedgerVerifier;
import java.sql.Connection;
import java.time.Clock;
import java.util.Set;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * The ledger's real PostgreSQL path, on an embedded PostgreSQL with the server's durability settings:
 * <ol>
 * <li>rounds of {@code --round} entries written to the outbox with {@code LedgerOutbox.enqueue} (one connection,
 * a commit every {@code --commit-every} rows), each followed by {@code LedgerSequencer.drain()} in batches of
 * {@code --batch}: one transaction, one Merkle append and one signed head per batch. Prints the outbox and
 * sequencing rates of every round until the log holds {@code --leaves} entries;</li>
 * <li>after VACUUM ANALYZE and CHECKPOINT, {@code --proofs} inclusion proofs of random leaves at that size through
 * {@code JdbcLedgerReader} (pooled connections, after {@code --warmup} untimed ones), p50/p95/p99, beside one plain
 * query and the proof's own query, then a few with a new connection each;</li>
 * <li>checks, with the independent {@code LedgerVerifier}, that sampled proofs, stored entries and the signed head
 * agree.</li>
 * </ol>
 * {@code --durable false} uses the embedded library's throw-away settings (no fsync, asynchronous commit);
 * {@code --shared-buffers} sets PostgreSQL's page cache (128MB by default, as in the server).
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar fr.ccamhub.bench.ledger.LedgerPostgresBenchmark}
 */
public final class LedgerPostgresBenchmark {

	private static final int CHECKED_PROOFS = 200;
	private static final int UNPOOLED_PROOFS = 200;

	private LedgerPostgresBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Arguments arguments = new Arguments(args,
				Set.of("leaves", "round", "commit-every", "batch", "proofs", "warmup", "durable", "shared-buffers"));
		long leaves = arguments.number("leaves", 1_000_000);
		long round = arguments.number("round", 100_000);
		int commitEvery = (int) arguments.number("commit-every", 1000);
		int batch = (int) arguments.number("batch", 1000);
		int proofs = (int) arguments.number("proofs", 10_000);
		int warmup = (int) arguments.number("warmup", 1000);
		boolean durable = Boolean.parseBoolean(arguments.text("durable", "true"));
		String sharedBuffers = arguments.text("shared-buffers", "128MB");

		long started = System.nanoTime();
		try (EmbeddedLedgerDatabase database = EmbeddedLedgerDatabase.start(durable, sharedBuffers)) {
			System.out.printf("%s, HikariCP pool, %d cores, Java %s, %s%n%n", database.describe(),
					Runtime.getRuntime().availableProcessors(), Runtime.version(), HostLoad.describe());
			TreeHeadSigner signer = new TreeHeadSigner(SigningKey.generate(), Clock.systemUTC());
			LedgerSequencer sequencer = new LedgerSequencer(database.pooled(), signer, batch);
			sequencer.signInitialHead();

			fill(database.pooled(), sequencer, leaves, round, commitEvery, batch);
			System.out.printf("%nTables at %,d leaves: ccamhub_ledger_node %,d MB, ccamhub_ledger_entry %,d MB%n", leaves,
					database.tableBytes("ccamhub_ledger_node") >> 20, database.tableBytes("ccamhub_ledger_entry") >> 20);
			database.settleAfterLoad();

			measureProofs(database, proofs, warmup);
			checkAgainstVerifier(new JdbcLedgerReader(database.pooled()), signer);
		}
		System.out.printf("%nTotal %.0f s, %s%n", (System.nanoTime() - started) / 1e9, HostLoad.describe());
	}

	/** Enqueues and sequences round after round until the log holds {@code leaves} entries. */
	private static void fill(DataSource dataSource, LedgerSequencer sequencer, long leaves, long round, int commitEvery,
			int batch) throws Exception {
		TextTable rounds = new TextTable("leaves after", "enqueue s", "enqueued/s", "drain s", "sequenced/s");
		long enqueueNanos = 0;
		long drainNanos = 0;
		for (long first = 0; first < leaves; first += round) {
			long count = Math.min(round, leaves - first);
			long start = System.nanoTime();
			enqueue(dataSource, first, count, commitEvery);
			long enqueued = System.nanoTime();
			long sequenced = sequencer.drain();
			long drained = System.nanoTime();
			if (sequenced != count) {
				throw new IllegalStateException("sequenced " + sequenced + " entries, " + count + " were enqueued");
			}
			enqueueNanos += enqueued - start;
			drainNanos += drained - enqueued;
			rounds.row(String.format("%,d", first + count), seconds(enqueued - start), perSecond(count, enqueued - start),
					seconds(drained - enqueued), perSecond(count, drained - enqueued));
			System.out.printf("%,d leaves: enqueued %s/s, sequenced %s/s%n", first + count, perSecond(count, enqueued - start),
					perSecond(count, drained - enqueued));
		}
		System.out.printf("%nRounds of %,d entries (outbox commit every %,d rows, sequencer batch %,d):%n", round, commitEvery,
				batch);
		System.out.print(rounds.row("all", seconds(enqueueNanos), perSecond(leaves, enqueueNanos), seconds(drainNanos),
				perSecond(leaves, drainNanos)).format());
	}

	private static void enqueue(DataSource dataSource, long first, long count, int commitEvery) throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			for (long n = first; n < first + count; n++) {
				LedgerOutbox.enqueue(connection, SampleEntries.entry(n));
				if ((n - first + 1) % commitEvery == 0) {
					connection.commit();
				}
			}
			connection.commit();
			connection.setAutoCommit(true);
		}
	}

	/**
	 * Times the reader's proofs, and beside them what they are made of: {@code JdbcLedgerReader.inclusionProof} borrows
	 * a connection, loads a {@code MerkleLog} (tree size, then the compact range: two queries) and reads the proof's
	 * nodes (a third query). One query alone is {@code treeSize()}; the proof query alone is a {@code MerkleLog} kept
	 * on one connection.
	 */
	private static void measureProofs(EmbeddedLedgerDatabase database, int proofs, int warmup) throws Exception {
		JdbcLedgerReader pooled = new JdbcLedgerReader(database.pooled());
		long size = pooled.treeSize();
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < warmup; i++) {
			pooled.inclusionProof(random.nextLong(size), size);
		}
		TextTable table = new TextTable("what", "calls", "p50 ms", "p95 ms", "p99 ms", "max ms", "mean ms");
		row(table, "JdbcLedgerReader.inclusionProof, pooled", time(proofs, () -> pooled.inclusionProof(random.nextLong(size), size)));
		row(table, "  one query: JdbcLedgerReader.treeSize", time(proofs, pooled::treeSize));
		try (Connection connection = database.pooled().getConnection()) {
			MerkleLog log = new MerkleLog(new JdbcTreeNodeStore(connection));
			for (int i = 0; i < warmup; i++) {
				log.inclusionProof(random.nextLong(size), size);
			}
			row(table, "  proof query only: MerkleLog kept on a connection",
					time(proofs, () -> log.inclusionProof(random.nextLong(size), size)));
		}
		JdbcLedgerReader unpooled = new JdbcLedgerReader(database.unpooled());
		row(table, "JdbcLedgerReader.inclusionProof, new connection",
				time(UNPOOLED_PROOFS, () -> unpooled.inclusionProof(random.nextLong(size), size)));
		System.out.printf("%nInclusion proofs of random leaves at %,d leaves (after %,d untimed):%n", size, warmup);
		System.out.print(table.format());
	}

	private static void row(TextTable table, String what, Latencies latencies) {
		table.row(what, String.format("%,d", latencies.count()), Latencies.millis(latencies.percentile(50)),
				Latencies.millis(latencies.percentile(95)), Latencies.millis(latencies.percentile(99)),
				Latencies.millis(latencies.max()), Latencies.millis(latencies.mean()));
	}

	private static Latencies time(int calls, Runnable call) {
		Latencies latencies = new Latencies(calls);
		for (int i = 0; i < calls; i++) {
			long start = System.nanoTime();
			call.run();
			latencies.record(System.nanoTime() - start);
		}
		return latencies;
	}

	/**
	 * The newest signed head verifies under the signer's key; sampled stored entries are the ones enqueued at their
	 * leaf index, and their proofs lead to that head's root.
	 */
	private static void checkAgainstVerifier(JdbcLedgerReader reader, TreeHeadSigner signer) throws Exception {
		SignedTreeHead head = reader.latestHead().orElseThrow().head();
		LedgerVerifier.verifyTreeHeadSignature(signer.publicKey(), head.treeSize(), head.timestampMillis(), head.rootHash(),
				head.signature());
		SplittableRandom random = new SplittableRandom(7);
		for (int i = 0; i < CHECKED_PROOFS; i++) {
			long leaf = random.nextLong(head.treeSize());
			SequencedEntry entry = reader.entry(leaf).orElseThrow();
			if (!entry.decode().equals(SampleEntries.entry(leaf))) {
				throw new IllegalStateException("leaf " + leaf + " holds " + entry.decode() + ", not entry " + leaf);
			}
			InclusionProof proof = reader.inclusionProof(leaf, head.treeSize());
			LedgerVerifier.verifyInclusion(leaf, head.treeSize(), LedgerVerifier.leafHash(entry.bytes()), proof.auditPath(),
					head.rootHash());
		}
		System.out.printf("%nChecked with LedgerVerifier: the signed head of size %,d, and %d random entries and their proofs%n",
				head.treeSize(), CHECKED_PROOFS);
	}

	private static String seconds(long nanos) {
		return String.format("%.1f", nanos / 1e9);
	}

	private static String perSecond(long count, long nanos) {
		return String.format("%,.0f", count / (nanos / 1e9));
	}
}
