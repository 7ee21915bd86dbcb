package fr.ccamhub.bench.ledger;

import fr.ccamhub.ledger.entry.LedgerEntry;
import fr.ccamhub.ledger.entry.LedgerEntryCodec;
import fr.ccamhub.ledger.merkle.AppendResult;
import fr.ccamhub.ledger.merkle.InMemoryTreeNodeStore;
import fr.ccamhub.ledger.merkle.MerkleLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Batched appends to the Merkle log in memory: {@code MerkleLog.appendAll} of 1,000 canonical entries per call over
 * {@code InMemoryTreeNodeStore}, so the score is in entries per second. {@code appendAll} hashes the leaves, extends
 * the compact range and writes the completed nodes in one store call; {@code encodeAndAppendAll} also encodes the
 * entries ({@code LedgerEntryCodec.encode}: Jackson + RFC 8785), as the outbox does before the sequencer sees them.
 * Every iteration starts from an empty log, which grows to a few million leaves within it. Five warm-up iterations:
 * the encoder's JIT compilation takes several seconds on 2 cores.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar MerkleAppendBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(MerkleAppendBenchmark.BATCH)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class MerkleAppendBenchmark {

	static final int BATCH = 1000;

	private List<LedgerEntry> entries;
	private List<byte[]> encoded;
	private MerkleLog log;

	@Setup(Level.Trial)
	public void entries() {
		entries = SampleEntries.entries(0, BATCH);
		encoded = SampleEntries.encoded(0, BATCH);
	}

	@Setup(Level.Iteration)
	public void emptyLog() {
		log = new MerkleLog(new InMemoryTreeNodeStore());
	}

	@Benchmark
	public AppendResult appendAll() {
		return log.appendAll(encoded);
	}

	@Benchmark
	public AppendResult encodeAndAppendAll() {
		List<byte[]> batch = new ArrayList<>(BATCH);
		for (LedgerEntry entry : entries) {
			batch.add(LedgerEntryCodec.encode(entry));
		}
		return log.appendAll(batch);
	}
}
