package fr.ccamhub.bench.ledger;

import fr.ccamhub.ledger.merkle.InclusionProof;
import fr.ccamhub.ledger.merkle.MerkleLog;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to build the inclusion proof of a random leaf in a log of {@code leaves} entries (1,000,000 by default) held
 * in {@code InMemoryTreeNodeStore}: plan the ~20 nodes, read them in one store call, fold them. {@code SampleTime}
 * gives the percentiles the target (&lt; 1 ms at 1M leaves) is stated in. Growing the log takes a few seconds of
 * set-up.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar InclusionProofBenchmark} (other sizes: {@code -p leaves=...})
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class InclusionProofBenchmark {

	@Param("1000000")
	public long leaves;

	private final SplittableRandom random = new SplittableRandom(42);
	private MerkleLog log;

	@Setup
	public void growLog() {
		log = SampleLogs.inMemory(leaves);
	}

	@Benchmark
	public InclusionProof inclusionProof() {
		return log.inclusionProof(random.nextLong(leaves), leaves);
	}
}
