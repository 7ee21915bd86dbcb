package fr.ccamhub.ledger.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The compact range of a tree of {@code size} leaves: the roots of its perfect subtrees, one per set bit of the size,
 * largest (leftmost) first. Enough to append a leaf and compute the new root in O(log n) without reading the store.
 */
final class Frontier {

    private final long size;
    private final List<TreeNode> subtrees;
    private final TreeHead head;

    private Frontier(long size, List<TreeNode> subtrees) {
        this.size = size;
        this.subtrees = List.copyOf(subtrees);
        this.head = new TreeHead(size, root(this.subtrees));
    }

    static Frontier empty() {
        return new Frontier(0, List.of());
    }

    /** Reads the frontier of the store's current size: at most 63 nodes, in one read. */
    static Frontier load(TreeNodeStore store) {
        long size = store.treeSize();
        if (size == 0) {
            return empty();
        }
        List<NodeId> ids = ProofPlanner.perfectSubtrees(0, size);
        List<byte[]> hashes = store.read(ids);
        List<TreeNode> subtrees = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            subtrees.add(new TreeNode(ids.get(i), hashes.get(i)));
        }
        return new Frontier(size, subtrees);
    }

    long size() {
        return size;
    }

    TreeHead head() {
        return head;
    }

    /**
     * The frontier after appending {@code leafHashes}; every node the new leaves complete (the leaves themselves
     * included) is added to {@code completed}, level by level in index order.
     */
    Frontier extend(List<byte[]> leafHashes, List<TreeNode> completed) {
        List<TreeNode> stack = new ArrayList<>(subtrees.size() + 2);
        stack.addAll(subtrees);
        long next = size;
        for (byte[] leafHash : leafHashes) {
            TreeNode node = new TreeNode(new NodeId(0, next++), leafHash);
            completed.add(node);
            stack.add(node);
            // Two subtrees of the same level side by side are the halves of a new perfect subtree one level up.
            while (stack.size() >= 2 && stack.get(stack.size() - 1).id().level() == stack.get(stack.size() - 2).id().level()) {
                TreeNode right = stack.remove(stack.size() - 1);
                TreeNode left = stack.remove(stack.size() - 1);
                NodeId parentId = new NodeId(left.id().level() + 1, left.id().index() >>> 1);
                TreeNode parent = new TreeNode(parentId, MerkleHashing.nodeHash(left.hashNoCopy(), right.hashNoCopy()));
                completed.add(parent);
                stack.add(parent);
            }
        }
        return new Frontier(next, stack);
    }

    /** MTH of the whole range: the subtree roots folded right to left, as RFC 9162's split at the largest power of two does. */
    private static byte[] root(List<TreeNode> subtrees) {
        if (subtrees.isEmpty()) {
            return MerkleHashing.emptyRoot();
        }
        byte[] hash = subtrees.get(subtrees.size() - 1).hashNoCopy();
        for (int i = subtrees.size() - 2; i >= 0; i--) {
            hash = MerkleHashing.nodeHash(subtrees.get(i).hashNoCopy(), hash);
        }
        return hash;
    }
}
