package fr.ccamhub.bench.ledger;

import fr.ccamhub.ledger.head.SignedTreeHead;
import fr.ccamhub.ledger.head.SigningKey;
import fr.ccamhub.ledger.head.TreeHeadSigner;
import fr.ccamhub.ledger.merkle.MerkleLog;
import fr.ccamhub.ledger.merkle.TreeHead;
import fr.ccamhub.ledger.verify.LedgerVerifier;
import fr.ccamhub.ledger.verify.LedgerVerifier.VerificationException;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
 * What an auditor's {@code LedgerVerifier} spends on a log of {@code leaves} entries (1,000,000 by default): an
 * inclusion proof of a random leaf (leaf hash and audit path given), a consistency proof from a random older size to
 * the current one, and the Ed25519 signature of a tree head. {@code signTreeHead} is the signer's side, paid by the
 * sequencer once per batch. The proofs are built once, in set-up, from an in-memory log; 1,024 of each are used in
 * turn.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar LedgerVerifierBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LedgerVerifierBenchmark {

	private static final int SAMPLES = 1024;

	@Param("1000000")
	public long leaves;

	private final List<InclusionSample> inclusions = new ArrayList<>();
	private final List<ConsistencySample> consistencies = new ArrayList<>();
	private TreeHead head;
	private byte[] root;
	private TreeHeadSigner signer;
	private PublicKey publicKey;
	private SignedTreeHead signedHead;
	private int next;

	@Setup
	public void proofsAndHead() {
		MerkleLog log = SampleLogs.inMemory(leaves);
		head = log.head();
		root = head.rootHash();
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < SAMPLES; i++) {
			long leaf = random.nextLong(leaves);
			byte[] leafHash = LedgerVerifier.leafHash(SampleEntries.encoded(leaf, 1).get(0));
			inclusions.add(new InclusionSample(leaf, leafHash, log.inclusionProof(leaf, leaves).auditPath()));
			long older = 1 + random.nextLong(leaves - 1);
			consistencies.add(new ConsistencySample(older, log.rootAt(older), log.consistencyProof(older, leaves).path()));
		}
		signer = new TreeHeadSigner(SigningKey.generate(), Clock.systemUTC());
		publicKey = signer.publicKey();
		signedHead = signer.sign(head);
	}

	@Benchmark
	public void verifyInclusion() throws VerificationException {
		InclusionSample sample = inclusions.get(nextSample());
		LedgerVerifier.verifyInclusion(sample.leafIndex(), leaves, sample.leafHash(), sample.auditPath(), root);
	}

	@Benchmark
	public void verifyConsistency() throws VerificationException {
		ConsistencySample sample = consistencies.get(nextSample());
		LedgerVerifier.verifyConsistency(sample.olderSize(), sample.olderRoot(), leaves, root, sample.path());
	}

	@Benchmark
	public void verifyTreeHeadSignature() throws VerificationException {
		LedgerVerifier.verifyTreeHeadSignature(publicKey, signedHead.treeSize(), signedHead.timestampMillis(),
				signedHead.rootHash(), signedHead.signature());
	}

	@Benchmark
	public SignedTreeHead signTreeHead() {
		return signer.sign(head);
	}

	private int nextSample() {
		next = (next + 1) % SAMPLES;
		return next;
	}

	private record InclusionSample(long leafIndex, byte[] leafHash, List<byte[]> auditPath) {}

	private record ConsistencySample(long olderSize, byte[] olderRoot, List<byte[]> path) {}
}
