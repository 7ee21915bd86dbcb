package fr.ccamhub.bench.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ccamhub.ledger.entry.LedgerAction;
import fr.ccamhub.ledger.entry.LedgerEntryCodec;
import fr.ccamhub.ledger.merkle.MerkleLog;
import fr.ccamhub.ledger.verify.LedgerVerifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleEntriesTest {

	@Test
	void entriesAreCanonicalDeterministicAndVaried() {
		List<byte[]> encoded = SampleEntries.encoded(0, 200);

		for (int n = 0; n < encoded.size(); n++) {
			assertThat(LedgerEntryCodec.decode(encoded.get(n))).isEqualTo(SampleEntries.entry(n));
			assertThat(encoded.get(n).length).isBetween(160, 260);
		}
		assertThat(SampleEntries.entries(0, 200)).extracting(entry -> entry.action())
				.contains(LedgerAction.CREATE, LedgerAction.UPDATE, LedgerAction.DELETE);
		assertThat(SampleEntries.entries(0, 200)).doesNotHaveDuplicates();
	}

	@Test
	void aSampleLogHoldsEntryIAtLeafI() throws Exception {
		MerkleLog log = SampleLogs.inMemory(25_001);

		assertThat(log.size()).isEqualTo(25_001);
		long leaf = 12_345;
		LedgerVerifier.verifyInclusion(leaf, log.size(), LedgerVerifier.leafHash(SampleEntries.encoded(leaf, 1).get(0)),
				log.inclusionProof(leaf, log.size()).auditPath(), log.head().rootHash());
	}
}
