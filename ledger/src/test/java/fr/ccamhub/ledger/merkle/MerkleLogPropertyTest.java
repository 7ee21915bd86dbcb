package fr.ccamhub.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ccamhub.ledger.verify.LedgerVerifier;
import fr.ccamhub.ledger.verify.LedgerVerifier.VerificationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proofs of many tree shapes, checked three ways: equal to RFC 9162's recursive definitions
 * ({@link ReferenceMerkleTree}), accepted by the independent {@link LedgerVerifier}, and refused by it once tampered.
 */
class MerkleLogPropertyTest {

    private static final HexFormat HEX = HexFormat.of();

    private record Tree(MerkleLog log, List<byte[]> entries, ReferenceMerkleTree reference) {
    }

    /** A log of {@code size} distinct entries, appended in random batches. */
    private static Tree tree(int size, Random random) {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            entries.add(("entry " + i + " " + random.nextInt()).getBytes(StandardCharsets.UTF_8));
        }
        MerkleLog log = new MerkleLog(new InMemoryTreeNodeStore());
        int appended = 0;
        while (appended < size) {
            int batch = Math.min(size - appended, 1 + random.nextInt(random.nextBoolean() ? 3 : 200));
            log.appendAll(entries.subList(appended, appended + batch));
            appended += batch;
        }
        ReferenceMerkleTree reference = new ReferenceMerkleTree(entries.stream().map(ReferenceMerkleTree::leaf).toList());
        return new Tree(log, entries, reference);
    }

    @Test
    void everyProofOfEveryTreeUpTo64LeavesIsTheRfcDefinitionAndVerifies() throws VerificationException {
        Random random = new Random(1);
        for (int n = 1; n <= 64; n++) {
            Tree tree = tree(n, random);
            for (int size = 1; size <= n; size++) {
                byte[] root = tree.log().rootAt(size);
                assertThat(hex(root)).as("root of %d", size).isEqualTo(hex(tree.reference().root(size)));
                for (int m = 0; m < size; m++) {
                    List<byte[]> path = tree.log().inclusionProof(m, size).auditPath();
                    assertThat(hex(path)).as("PATH(%d, D[%d])", m, size).isEqualTo(hex(tree.reference().path(m, size)));
                    LedgerVerifier.verifyInclusion(m, size, leafHash(tree, m), path, root);
                }
                for (int m = 1; m <= size; m++) {
                    List<byte[]> path = tree.log().consistencyProof(m, size).path();
                    assertThat(hex(path)).as("PROOF(%d, D[%d])", m, size).isEqualTo(hex(tree.reference().proof(m, size)));
                    LedgerVerifier.verifyConsistency(m, tree.log().rootAt(m), size, root, path);
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 22, 33, 44, 55, 66})
    void everyInclusionProofOfARandomTreeVerifiesAndFailsOnceTampered(long seed) throws VerificationException {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(2000);
        Tree tree = tree(n, random);
        byte[] root = tree.log().head().rootHash();
        byte[] otherLeaf = MerkleHashing.leafHash("not in the log".getBytes(StandardCharsets.UTF_8));
        byte[] otherRoot = MerkleHashing.leafHash("not a root".getBytes(StandardCharsets.UTF_8));

        for (int i = 0; i < n; i++) {
            int index = i;
            List<byte[]> path = tree.log().inclusionProof(index, n).auditPath();
            byte[] leaf = leafHash(tree, index);
            String what = "leaf " + index + " of " + n + " (seed " + seed + ")";

            LedgerVerifier.verifyInclusion(index, n, leaf, path, root);
            assertRefused(() -> LedgerVerifier.verifyInclusion(index, n, otherLeaf, path, root), what + ", other leaf");
            assertRefused(() -> LedgerVerifier.verifyInclusion(index, n, leaf, path, otherRoot), what + ", other root");
            assertRefused(() -> LedgerVerifier.verifyInclusion(index ^ 1, n, leaf, path, root), what + ", neighbour index");
            assertRefused(() -> LedgerVerifier.verifyInclusion(index, n, leaf, append(path, root), root), what + ", extended");
            if (!path.isEmpty()) {
                assertRefused(() -> LedgerVerifier.verifyInclusion(index, n, leaf, flipOneBit(path, random), root), what + ", flipped bit");
                assertRefused(() -> LedgerVerifier.verifyInclusion(index, n, leaf, path.subList(0, path.size() - 1), root), what + ", truncated");
            }

            // A proof for a past size verifies against that size's root.
            int pastSize = index + 1 + random.nextInt(n - index);
            LedgerVerifier.verifyInclusion(index, pastSize, leaf, tree.log().inclusionProof(index, pastSize).auditPath(),
                    tree.log().rootAt(pastSize));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 8, 9, 10, 12, 13})
    void everyConsistencyProofOfARandomTreeVerifiesAndFailsOnceTampered(long seed) throws VerificationException {
        Random random = new Random(seed);
        int n = 2 + random.nextInt(1999);
        Tree tree = tree(n, random);
        byte[] root = tree.log().head().rootHash();
        byte[] otherRoot = MerkleHashing.leafHash("not a root".getBytes(StandardCharsets.UTF_8));

        for (int i = 1; i <= n; i++) {
            int m = i;
            List<byte[]> path = tree.log().consistencyProof(m, n).path();
            byte[] oldRoot = tree.log().rootAt(m);
            String what = m + " -> " + n + " (seed " + seed + ")";

            LedgerVerifier.verifyConsistency(m, oldRoot, n, root, path);
            assertRefused(() -> LedgerVerifier.verifyConsistency(m, otherRoot, n, root, path), what + ", other old root");
            assertRefused(() -> LedgerVerifier.verifyConsistency(m, oldRoot, n, otherRoot, path), what + ", other new root");
            assertRefused(() -> LedgerVerifier.verifyConsistency(m, oldRoot, n, root, append(path, root)), what + ", extended");
            if (!path.isEmpty()) {
                assertRefused(() -> LedgerVerifier.verifyConsistency(m, oldRoot, n, root, flipOneBit(path, random)), what + ", flipped bit");
                assertRefused(() -> LedgerVerifier.verifyConsistency(m, oldRoot, n, root, path.subList(1, path.size())), what + ", truncated");
            }
        }
        for (int i = 0; i < 300; i++) {
            int to = 1 + random.nextInt(n);
            int from = 1 + random.nextInt(to);
            LedgerVerifier.verifyConsistency(from, tree.log().rootAt(from), to, tree.log().rootAt(to),
                    tree.log().consistencyProof(from, to).path());
        }
    }

    private static byte[] leafHash(Tree tree, int index) {
        return MerkleHashing.leafHash(tree.entries().get(index));
    }

    private static void assertRefused(ThrowingCheck check, String what) {
        assertThatThrownBy(check::run).as(what).isInstanceOf(VerificationException.class);
    }

    @FunctionalInterface
    private interface ThrowingCheck {
        void run() throws VerificationException;
    }

    private static List<byte[]> flipOneBit(List<byte[]> path, Random random) {
        List<byte[]> tampered = new ArrayList<>(path);
        int element = random.nextInt(path.size());
        byte[] hash = path.get(element).clone();
        hash[random.nextInt(hash.length)] ^= (byte) (1 << random.nextInt(8));
        tampered.set(element, hash);
        return tampered;
    }

    private static List<byte[]> append(List<byte[]> path, byte[] extra) {
        List<byte[]> extended = new ArrayList<>(path);
        extended.add(extra);
        return extended;
    }

    private static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
