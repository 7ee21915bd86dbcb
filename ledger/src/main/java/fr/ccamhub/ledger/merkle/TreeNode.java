package fr.ccamhub.ledger.merkle;

import java.util.Arrays;

/** The hash of one completed perfect subtree, as written to a {@link TreeNodeStore}. */
public record TreeNode(NodeId id, byte[] hash) {

    public TreeNode {
        if (id == null) {
            throw new IllegalArgumentException("id is required");
        }
        hash = MerkleHashing.requireHash(hash, "hash of node " + id).clone();
    }

    /** A copy of the node's 32-byte hash. */
    @Override
    public byte[] hash() {
        return hash.clone();
    }

    // Package-internal access without a copy, for the hot append path.
    byte[] hashNoCopy() {
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TreeNode node && id.equals(node.id) && Arrays.equals(hash, node.hash);
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "TreeNode" + id + " " + Hashes.hex(hash);
    }
}
