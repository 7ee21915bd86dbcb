package fr.ccamhub.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryTreeNodeStoreTest {

    private static TreeNode leaf(long index) {
        return new TreeNode(new NodeId(0, index), MerkleHashing.leafHash(("leaf-" + index).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readingANodeThatIsNotCompleteYetFails() {
        InMemoryTreeNodeStore store = new InMemoryTreeNodeStore();
        store.append(0, List.of(leaf(0), leaf(1), parent(leaf(0), leaf(1)), leaf(2)), 3);

        assertThatThrownBy(() -> store.read(List.of(new NodeId(1, 1))))
                .isInstanceOf(MissingNodeException.class)
                .hasMessageContaining("(1, 1) is not stored (stored tree size 3)");
    }

    @Test
    void anAppendFromAStaleSizeIsRefused() {
        InMemoryTreeNodeStore store = new InMemoryTreeNodeStore();
        store.append(0, List.of(leaf(0)), 1);

        assertThatThrownBy(() -> store.append(0, List.of(leaf(0)), 1))
                .isInstanceOf(ConcurrentAppendException.class)
                .satisfies(e -> assertThat(((ConcurrentAppendException) e).actualSize()).isEqualTo(1));
    }

    @Test
    void anAppendLackingANodeTheNewSizeCompletesIsRefusedAndChangesNothing() {
        InMemoryTreeNodeStore store = new InMemoryTreeNodeStore();

        assertThatThrownBy(() -> store.append(0, List.of(leaf(0), leaf(1)), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("level 1 would hold 0 nodes but a tree of 2 leaves has 1");
        assertThat(store.treeSize()).isZero();
        store.append(0, List.of(leaf(0)), 1);
        assertThat(store.treeSize()).isEqualTo(1);
    }

    @Test
    void anAppendWithNodesOutOfOrderIsRefused() {
        InMemoryTreeNodeStore store = new InMemoryTreeNodeStore();

        assertThatThrownBy(() -> store.append(0, List.of(leaf(1), leaf(0), parent(leaf(0), leaf(1))), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node (0, 1) out of order");
    }

    @Test
    void hashesSurviveChunkBoundariesAndCallersCannotAlterThem() {
        InMemoryTreeNodeStore store = new InMemoryTreeNodeStore();
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            entries.add(("leaf-" + i).getBytes(StandardCharsets.UTF_8));
        }
        new MerkleLog(store).appendAll(entries);

        for (int index : new int[] {0, 1023, 1024, 2047, 2048, 4999}) {
            byte[] read = store.read(List.of(new NodeId(0, index))).get(0);
            assertThat(read).isEqualTo(leaf(index).hash());
            read[0] ^= 1;
            assertThat(store.read(List.of(new NodeId(0, index))).get(0)).isEqualTo(leaf(index).hash());
        }
    }

    private static TreeNode parent(TreeNode left, TreeNode right) {
        return new TreeNode(new NodeId(left.id().level() + 1, left.id().index() / 2),
                MerkleHashing.nodeHash(left.hash(), right.hash()));
    }
}
