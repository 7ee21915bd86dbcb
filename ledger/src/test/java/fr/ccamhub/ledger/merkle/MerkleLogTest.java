package fr.ccamhub.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleLogTest {

    private static List<byte[]> entries(int from, int to) {
        List<byte[]> entries = new ArrayList<>();
        for (int i = from; i < to; i++) {
            entries.add(("entry-" + i).getBytes(StandardCharsets.UTF_8));
        }
        return entries;
    }

    @Test
    void emptyLogHasSizeZeroAndTheEmptyRoot() {
        MerkleLog log = new MerkleLog(new InMemoryTreeNodeStore());

        assertThat(log.head()).isEqualTo(TreeHead.empty());
        assertThat(log.rootAt(0)).isEqualTo(MerkleHashing.emptyRoot());
    }

    @Test
    void batchAppendBuildsTheSameTreeAsAppendingOneByOne() {
        MerkleLog batched = new MerkleLog(new InMemoryTreeNodeStore());
        MerkleLog single = new MerkleLog(new InMemoryTreeNodeStore());

        batched.appendAll(entries(0, 300));
        batched.appendAll(entries(300, 301));
        batched.appendAll(entries(301, 777));
        for (byte[] entry : entries(0, 777)) {
            single.append(entry);
        }

        assertThat(batched.head()).isEqualTo(single.head());
        for (long size : new long[] {1, 300, 301, 512, 777}) {
            assertThat(batched.rootAt(size)).isEqualTo(single.rootAt(size));
            assertThat(batched.inclusionProof(size - 1, 777)).isEqualTo(single.inclusionProof(size - 1, 777));
            assertThat(batched.consistencyProof(size, 777)).isEqualTo(single.consistencyProof(size, 777));
        }
    }

    @Test
    void appendSaysWhereTheLeavesLandedAndTheHeadAfterThem() {
        MerkleLog log = new MerkleLog(new InMemoryTreeNodeStore());
        log.appendAll(entries(0, 10));

        AppendResult result = log.appendAll(entries(10, 13));

        assertThat(result.firstLeafIndex()).isEqualTo(10);
        assertThat(result.leafCount()).isEqualTo(3);
        assertThat(result.leafIndex(2)).isEqualTo(12);
        assertThat(result.head()).isEqualTo(log.head());
        assertThat(result.head().size()).isEqualTo(13);
    }

    @Test
    void appendingAnEmptyBatchChangesNothingAndWritesNothing() {
        RecordingTreeNodeStore store = new RecordingTreeNodeStore(new InMemoryTreeNodeStore());
        MerkleLog log = new MerkleLog(store);
        log.appendAll(entries(0, 5));
        TreeHead before = log.head();
        store.resetCounts();

        AppendResult result = log.appendAll(List.of());

        assertThat(result.leafCount()).isZero();
        assertThat(result.head()).isEqualTo(before);
        assertThat(store.appendCalls).hasValue(0);
    }

    @Test
    void appendsAndTheHeadNeverReadTheStore() {
        RecordingTreeNodeStore store = new RecordingTreeNodeStore(new InMemoryTreeNodeStore());
        MerkleLog log = new MerkleLog(store);

        for (byte[] entry : entries(0, 1000)) {
            log.append(entry);
        }
        log.appendAll(entries(1000, 1500));
        log.head();

        assertThat(store.readCalls).hasValue(0);
        assertThat(store.appendCalls).hasValue(1001);
    }

    @Test
    void aBatchIsOneStoreWrite() {
        RecordingTreeNodeStore store = new RecordingTreeNodeStore(new InMemoryTreeNodeStore());
        MerkleLog log = new MerkleLog(store);

        log.appendAll(entries(0, 5000));

        assertThat(store.appendCalls).hasValue(1);
        assertThat(store.treeSize()).isEqualTo(5000);
    }

    @Test
    void aLogOpenedOnAFilledStoreContinuesWhereTheStoreIs() {
        InMemoryTreeNodeStore shared = new InMemoryTreeNodeStore();
        MerkleLog first = new MerkleLog(shared);
        first.appendAll(entries(0, 1234));
        RecordingTreeNodeStore recording = new RecordingTreeNodeStore(shared);

        MerkleLog reopened = new MerkleLog(recording);

        assertThat(reopened.head()).isEqualTo(first.head());
        assertThat(recording.readCalls).hasValue(1);
        assertThat(recording.nodesRead).hasValue(Long.bitCount(1234));
        reopened.appendAll(entries(1234, 1300));
        first.reload();
        assertThat(first.head()).isEqualTo(reopened.head());
    }

    @Test
    void aWriterWithAStaleSizeIsRefusedUntilItReloads() {
        InMemoryTreeNodeStore shared = new InMemoryTreeNodeStore();
        MerkleLog replicaA = new MerkleLog(shared);
        MerkleLog replicaB = new MerkleLog(shared);
        replicaA.appendAll(entries(0, 10));

        assertThatThrownBy(() -> replicaB.append("late".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ConcurrentAppendException.class)
                .hasMessageContaining("expected tree size 0 but the store holds 10");
        assertThat(replicaB.size()).isZero();

        replicaB.reload();
        AppendResult result = replicaB.append("late".getBytes(StandardCharsets.UTF_8));

        assertThat(result.firstLeafIndex()).isEqualTo(10);
        MerkleLog reference = new MerkleLog(new InMemoryTreeNodeStore());
        reference.appendAll(entries(0, 10));
        reference.append("late".getBytes(StandardCharsets.UTF_8));
        assertThat(replicaB.head()).isEqualTo(reference.head());
    }

    @Test
    void aFailedStoreWriteLeavesTheLogAsItWas() {
        RecordingTreeNodeStore store = new RecordingTreeNodeStore(new InMemoryTreeNodeStore());
        MerkleLog log = new MerkleLog(store);
        log.appendAll(entries(0, 7));
        TreeHead before = log.head();
        store.failNextAppend();

        assertThatThrownBy(() -> log.appendAll(entries(7, 9))).hasMessageContaining("simulated database failure");

        assertThat(log.head()).isEqualTo(before);
        log.appendAll(entries(7, 9));
        MerkleLog reference = new MerkleLog(new InMemoryTreeNodeStore());
        reference.appendAll(entries(0, 9));
        assertThat(log.head()).isEqualTo(reference.head());
    }

    @Test
    void proofsOfPastSizesDoNotChangeWhenTheLogGrows() {
        MerkleLog log = new MerkleLog(new InMemoryTreeNodeStore());
        log.appendAll(entries(0, 100));
        TreeHead past = log.head();
        InclusionProof inclusion = log.inclusionProof(37, 100);
        ConsistencyProof consistency = log.consistencyProof(60, 100);

        log.appendAll(entries(100, 1000));

        assertThat(log.rootAt(100)).isEqualTo(past.rootHash());
        assertThat(log.inclusionProof(37, 100)).isEqualTo(inclusion);
        assertThat(log.consistencyProof(60, 100)).isEqualTo(consistency);
    }

    @Test
    void sizesBeyondTheLogAreRefused() {
        MerkleLog log = new MerkleLog(new InMemoryTreeNodeStore());
        log.appendAll(entries(0, 10));

        assertThatThrownBy(() -> log.rootAt(11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tree size 11 is not in [0, 10]");
        assertThatThrownBy(() -> log.inclusionProof(3, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.consistencyProof(3, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.inclusionProof(10, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaf index 10 is not in a tree of size 10");
        assertThatThrownBy(() -> log.consistencyProof(0, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 < from <= to");
    }

    @Test
    void aProofReadsItsNodesInOneCallAndAtMostTwoPerLevel() {
        RecordingTreeNodeStore store = new RecordingTreeNodeStore(new InMemoryTreeNodeStore());
        MerkleLog log = new MerkleLog(store);
        log.appendAll(entries(0, 3000));
        int height = 12; // ceil(log2(3000))

        store.resetCounts();
        log.inclusionProof(2047, 2999);
        assertThat(store.readCalls).hasValue(1);
        assertThat(store.nodesRead.get()).isLessThanOrEqualTo(2 * height);

        store.resetCounts();
        log.consistencyProof(1365, 2999);
        assertThat(store.readCalls).hasValue(1);
        assertThat(store.nodesRead.get()).isLessThanOrEqualTo(2 * height + 1);
    }

    @Test
    void leafHashesOfTheWrongLengthAreRefusedBeforeAnythingIsWritten() {
        RecordingTreeNodeStore store = new RecordingTreeNodeStore(new InMemoryTreeNodeStore());
        MerkleLog log = new MerkleLog(store);

        assertThatThrownBy(() -> log.appendLeafHashes(List.of(new byte[32], new byte[20])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaf hash must be a 32-byte SHA-256 hash, got 20 bytes");
        assertThat(store.appendCalls).hasValue(0);
        assertThat(log.size()).isZero();
    }

    @Test
    void appendingPrecomputedLeafHashesEqualsAppendingTheEntries() {
        MerkleLog fromEntries = new MerkleLog(new InMemoryTreeNodeStore());
        MerkleLog fromHashes = new MerkleLog(new InMemoryTreeNodeStore());
        List<byte[]> entries = entries(0, 50);

        fromEntries.appendAll(entries);
        fromHashes.appendLeafHashes(entries.stream().map(MerkleHashing::leafHash).toList());

        assertThat(fromHashes.head()).isEqualTo(fromEntries.head());
    }
}
