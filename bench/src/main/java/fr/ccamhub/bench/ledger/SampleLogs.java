package fr.ccamhub.bench.ledger;

import fr.ccamhub.ledger.merkle.InMemoryTreeNodeStore;
import fr.ccamhub.ledger.merkle.MerkleLog;

/** In-memory Merkle logs of {@link SampleEntries}, grown to a given size for the proof and verification benchmarks. */
final class SampleLogs {

	private static final int BATCH = 10_000;

	private SampleLogs() {
	}

	/** A log whose leaf {@code i} is {@code SampleEntries.entry(i)}, for i in [0, leaves). */
	static MerkleLog inMemory(long leaves) {
		MerkleLog log = new MerkleLog(new InMemoryTreeNodeStore());
		for (long first = 0; first < leaves; first += BATCH) {
			log.appendAll(SampleEntries.encoded(first, (int) Math.min(BATCH, leaves - first)));
		}
		return log;
	}
}
