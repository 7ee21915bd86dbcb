package fr.ccamhub.ledger.merkle;

import java.util.List;

/**
 * Durable home of a log's Merkle nodes: the hash of every completed perfect subtree, keyed by
 * {@link NodeId} (level, index), plus the tree size they describe.
 *
 * <p>Nodes are write-once: appending leaves only ever adds nodes, never changes one. A tree of n leaves holds
 * fewer than 2n nodes. The node for (level, index) exists exactly when {@code (index + 1) · 2^level <= treeSize()}.
 *
 * <p>Implementations must be safe for concurrent readers while one writer appends. A database-backed store should
 * make {@link #append} one transaction, so the nodes and the new size become visible together.
 */
public interface TreeNodeStore {

    /** Number of leaves whose nodes are all stored. */
    long treeSize();

    /**
     * Reads the hashes of the given nodes, in the order asked.
     *
     * @throws MissingNodeException if a node is not stored (it is not complete at {@link #treeSize()}, or the store lost it)
     */
    List<byte[]> read(List<NodeId> ids);

    /**
     * Stores the nodes completed by appending leaves [{@code expectedSize}, {@code newSize}) and sets the tree size to
     * {@code newSize}, all or nothing.
     *
     * <p>{@code nodes} are all the nodes the new leaves complete, the leaves themselves included; within each level
     * they come in increasing index order. The store may check that they are exactly those nodes.
     *
     * @throws ConcurrentAppendException if the stored size is not {@code expectedSize}: another writer appended first
     */
    void append(long expectedSize, List<TreeNode> nodes, long newSize);
}
