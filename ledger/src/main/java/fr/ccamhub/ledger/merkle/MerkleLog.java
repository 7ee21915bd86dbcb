package fr.ccamhub.ledger.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only RFC 9162 Merkle log over a {@link TreeNodeStore}.
 *
 * <p>Appends cost O(log n) hashes and one store write per batch, and the current tree head needs no store read: the
 * log keeps the compact range (the perfect-subtree roots of the current size) in memory. The root, inclusion proofs and
 * consistency proofs of any size up to the current one are built from at most about 2·log2(n) stored nodes, read in
 * one {@link TreeNodeStore#read} call.
 *
 * <p>Thread-safe: appends are serialized; heads and proofs can be read concurrently with them. Several logs (for
 * instance one per server replica) may share a store: an append based on a stale size fails with
 * {@link ConcurrentAppendException} and {@link #reload()} catches up. If a store write joins a surrounding transaction
 * that later rolls back, call {@link #reload()} too, so this log forgets leaves the store never kept.
 */
public final class MerkleLog {

    private final TreeNodeStore store;
    private final StoredProofs proofs;
    private final Object appendLock = new Object();
    private volatile Frontier frontier;

    /** A log continuing from whatever the store holds (an empty store gives an empty log). */
    public MerkleLog(TreeNodeStore store) {
        if (store == null) {
            throw new IllegalArgumentException("store is required");
        }
        this.store = store;
        this.proofs = new StoredProofs(store);
        this.frontier = Frontier.load(store);
    }

    /** The current size and root. */
    public TreeHead head() {
        return frontier.head();
    }

    /** The current number of leaves. */
    public long size() {
        return frontier.size();
    }

    /** Appends one entry: its leaf hash is SHA-256(0x00 || entry). */
    public AppendResult append(byte[] entry) {
        return appendLeafHashes(List.of(MerkleHashing.leafHash(entry)));
    }

    /** Appends entries in order, with one store write for the whole batch. */
    public AppendResult appendAll(List<byte[]> entries) {
        List<byte[]> leafHashes = new ArrayList<>(entries.size());
        for (byte[] entry : entries) {
            leafHashes.add(MerkleHashing.leafHash(entry));
        }
        return appendLeafHashes(leafHashes);
    }

    /** Appends leaves whose hashes the caller already computed with {@link MerkleHashing#leafHash}. */
    public AppendResult appendLeafHashes(List<byte[]> leafHashes) {
        for (byte[] leafHash : leafHashes) {
            MerkleHashing.requireHash(leafHash, "leaf hash");
        }
        synchronized (appendLock) {
            Frontier current = frontier;
            if (leafHashes.isEmpty()) {
                return new AppendResult(current.size(), 0, current.head());
            }
            List<TreeNode> completed = new ArrayList<>(2 * leafHashes.size() + NodeId.MAX_LEVEL);
            Frontier next = current.extend(leafHashes, completed);
            store.append(current.size(), completed, next.size());
            frontier = next;
            return new AppendResult(current.size(), leafHashes.size(), next.head());
        }
    }

    /** Forgets the in-memory state and continues from what the store holds now. */
    public void reload() {
        synchronized (appendLock) {
            frontier = Frontier.load(store);
        }
    }

    /** MTH of the first {@code treeSize} leaves. */
    public byte[] rootAt(long treeSize) {
        Frontier current = frontier;
        requireReachable(treeSize, current);
        if (treeSize == current.size()) {
            return current.head().rootHash();
        }
        if (treeSize == 0) {
            return MerkleHashing.emptyRoot();
        }
        return proofs.rootAt(treeSize);
    }

    /** The audit path of leaf {@code leafIndex} in the tree of size {@code treeSize} (any size up to the current one). */
    public InclusionProof inclusionProof(long leafIndex, long treeSize) {
        requireReachable(treeSize, frontier);
        return proofs.inclusionProof(leafIndex, treeSize);
    }

    /**
     * The proof that the tree of size {@code fromSize} is a prefix of the tree of size {@code toSize}; empty when the
     * sizes are equal.
     *
     * @throws IllegalArgumentException unless 0 < fromSize <= toSize <= the current size
     */
    public ConsistencyProof consistencyProof(long fromSize, long toSize) {
        requireReachable(toSize, frontier);
        return proofs.consistencyProof(fromSize, toSize);
    }

    private static void requireReachable(long treeSize, Frontier current) {
        if (treeSize < 0 || treeSize > current.size()) {
            throw new IllegalArgumentException("tree size " + treeSize + " is not in [0, " + current.size() + "]");
        }
    }
}
