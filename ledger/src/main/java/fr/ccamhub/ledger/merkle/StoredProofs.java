package fr.ccamhub.ledger.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Roots and proofs read straight from a {@link TreeNodeStore}, for any size the store has reached: one
 * {@link TreeNodeStore#read} call per answer, reading only the nodes the answer needs (at most about 2·log2(n)). The
 * caller vouches for the size; a size beyond what the store holds fails with {@link MissingNodeException}.
 */
public final class StoredProofs {

    private final TreeNodeStore store;

    public StoredProofs(TreeNodeStore store) {
        if (store == null) {
            throw new IllegalArgumentException("store is required");
        }
        this.store = store;
    }

    /** MTH of the first {@code treeSize} leaves. */
    public byte[] rootAt(long treeSize) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must not be negative, was " + treeSize);
        }
        if (treeSize == 0) {
            return MerkleHashing.emptyRoot();
        }
        return resolve(List.of(ProofPlanner.perfectSubtrees(0, treeSize))).get(0);
    }

    /** The audit path of leaf {@code leafIndex} in the tree of size {@code treeSize}. */
    public InclusionProof inclusionProof(long leafIndex, long treeSize) {
        return new InclusionProof(leafIndex, treeSize, resolve(ProofPlanner.inclusion(leafIndex, treeSize)));
    }

    /** The proof that the tree of size {@code fromSize} is a prefix of the tree of size {@code toSize}. */
    public ConsistencyProof consistencyProof(long fromSize, long toSize) {
        return new ConsistencyProof(fromSize, toSize, resolve(ProofPlanner.consistency(fromSize, toSize)));
    }

    /** Reads every node a plan names in one store call and folds each element into its hash. */
    private List<byte[]> resolve(List<List<NodeId>> plan) {
        List<NodeId> ids = new ArrayList<>();
        for (List<NodeId> element : plan) {
            ids.addAll(element);
        }
        List<byte[]> hashes = ids.isEmpty() ? List.of() : store.read(ids);
        if (hashes.size() != ids.size()) {
            throw new IllegalStateException("store returned " + hashes.size() + " hashes for " + ids.size() + " nodes");
        }
        List<byte[]> result = new ArrayList<>(plan.size());
        int next = 0;
        for (List<NodeId> element : plan) {
            int end = next + element.size();
            byte[] hash = hashes.get(end - 1);
            for (int i = end - 2; i >= next; i--) {
                hash = MerkleHashing.nodeHash(hashes.get(i), hash);
            }
            result.add(hash);
            next = end;
        }
        return result;
    }
}
