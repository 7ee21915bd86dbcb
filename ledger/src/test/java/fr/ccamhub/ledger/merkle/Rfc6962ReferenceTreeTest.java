package fr.ccamhub.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ccamhub.ledger.Rfc6962TestVectors;
import fr.ccamhub.ledger.Rfc6962TestVectors.Consistency;
import fr.ccamhub.ledger.Rfc6962TestVectors.Inclusion;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The log against the published RFC 6962 reference tree of 8 leaves. */
class Rfc6962ReferenceTreeTest {

    private static MerkleLog referenceLog(TreeNodeStore store) {
        MerkleLog log = new MerkleLog(store);
        log.appendAll(Rfc6962TestVectors.LEAF_INPUTS);
        return log;
    }

    @Test
    void headAfterEachAppendHasThePublishedRoot() {
        MerkleLog log = new MerkleLog(new InMemoryTreeNodeStore());
        assertThat(hex(log.head().rootHash())).isEqualTo(hex(Rfc6962TestVectors.ROOTS.get(0)));

        for (int size = 1; size <= 8; size++) {
            TreeHead head = log.append(Rfc6962TestVectors.LEAF_INPUTS.get(size - 1)).head();

            assertThat(head.size()).isEqualTo(size);
            assertThat(hex(head.rootHash())).as("root of size %d", size).isEqualTo(hex(Rfc6962TestVectors.ROOTS.get(size)));
        }
    }

    @Test
    void rootOfEveryPastSizeIsThePublishedRoot() {
        MerkleLog log = referenceLog(new InMemoryTreeNodeStore());

        for (int size = 0; size <= 8; size++) {
            assertThat(hex(log.rootAt(size))).as("root of size %d", size).isEqualTo(hex(Rfc6962TestVectors.ROOTS.get(size)));
        }
    }

    @Test
    void storeHoldsThePublishedHashOfEveryPerfectSubtree() {
        InMemoryTreeNodeStore store = new InMemoryTreeNodeStore();
        referenceLog(store);

        for (int level = 0; level < Rfc6962TestVectors.NODE_HASHES.size(); level++) {
            List<byte[]> published = Rfc6962TestVectors.NODE_HASHES.get(level);
            for (int index = 0; index < published.size(); index++) {
                byte[] stored = store.read(List.of(new NodeId(level, index))).get(0);
                assertThat(hex(stored)).as("node (%d, %d)", level, index).isEqualTo(hex(published.get(index)));
            }
        }
    }

    static Stream<Inclusion> inclusionProofs() {
        return Rfc6962TestVectors.INCLUSION_PROOFS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inclusionProofs")
    void inclusionProofIsThePublishedAuditPath(Inclusion published) {
        MerkleLog log = referenceLog(new InMemoryTreeNodeStore());

        InclusionProof proof = log.inclusionProof(published.leafIndex(), published.treeSize());

        assertThat(hex(proof.auditPath())).isEqualTo(hex(published.path()));
    }

    static Stream<Consistency> consistencyProofs() {
        return Rfc6962TestVectors.CONSISTENCY_PROOFS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistencyProofs")
    void consistencyProofIsThePublishedPath(Consistency published) {
        MerkleLog log = referenceLog(new InMemoryTreeNodeStore());

        ConsistencyProof proof = log.consistencyProof(published.fromSize(), published.toSize());

        assertThat(hex(proof.path())).isEqualTo(hex(published.path()));
    }

    private static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(Rfc6962ReferenceTreeTest::hex).toList();
    }
}
