package fr.ccamhub.ledger.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * {@link TreeNodeStore} in memory, for tests, benchmarks and development: one append-only column of hashes per level,
 * in fixed-size chunks so growing never copies what is stored (a million leaves take about 64 MB).
 *
 * <p>Checks every append strictly (nodes in order, exactly the nodes the new size completes), so a bug in the
 * caller's tree arithmetic fails loudly here rather than producing a wrong proof later.
 */
public final class InMemoryTreeNodeStore implements TreeNodeStore {

    private final List<HashColumn> levels = new ArrayList<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private long treeSize;

    @Override
    public long treeSize() {
        lock.readLock().lock();
        try {
            return treeSize;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<byte[]> read(List<NodeId> ids) {
        List<byte[]> hashes = new ArrayList<>(ids.size());
        lock.readLock().lock();
        try {
            for (NodeId id : ids) {
                if (id.endLeaf() > treeSize) {
                    throw new MissingNodeException(id, treeSize);
                }
                hashes.add(levels.get(id.level()).get(id.index()));
            }
        } finally {
            lock.readLock().unlock();
        }
        return hashes;
    }

    @Override
    public void append(long expectedSize, List<TreeNode> nodes, long newSize) {
        lock.writeLock().lock();
        try {
            if (expectedSize != treeSize) {
                throw new ConcurrentAppendException(expectedSize, treeSize);
            }
            if (newSize < treeSize) {
                throw new IllegalArgumentException("tree size cannot shrink from " + treeSize + " to " + newSize);
            }
            checkCompletes(nodes, newSize);
            for (TreeNode node : nodes) {
                column(node.id().level()).add(node.hashNoCopy());
            }
            treeSize = newSize;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Fails unless {@code nodes} are, level by level and in order, exactly the nodes that growing to {@code newSize} completes. */
    private void checkCompletes(List<TreeNode> nodes, long newSize) {
        long[] next = new long[NodeId.MAX_LEVEL + 1];
        for (int level = 0; level < levels.size(); level++) {
            next[level] = levels.get(level).size();
        }
        for (TreeNode node : nodes) {
            NodeId id = node.id();
            if (id.index() != next[id.level()]) {
                throw new IllegalArgumentException("node " + id + " out of order: level " + id.level()
                        + " expects index " + next[id.level()] + " next");
            }
            next[id.level()]++;
        }
        for (int level = 0; level <= NodeId.MAX_LEVEL; level++) {
            long needed = newSize >>> level;
            if (next[level] != needed) {
                throw new IllegalArgumentException("level " + level + " would hold " + next[level]
                        + " nodes but a tree of " + newSize + " leaves has " + needed);
            }
        }
    }

    private HashColumn column(int level) {
        while (levels.size() <= level) {
            levels.add(new HashColumn());
        }
        return levels.get(level);
    }

    /** Append-only sequence of 32-byte hashes stored back to back in fixed-size chunks. */
    private static final class HashColumn {

        private static final int HASHES_PER_CHUNK_SHIFT = 10;
        private static final int HASHES_PER_CHUNK = 1 << HASHES_PER_CHUNK_SHIFT;
        private static final int CHUNK_BYTES = HASHES_PER_CHUNK * MerkleHashing.HASH_LENGTH;

        private final List<byte[]> chunks = new ArrayList<>();
        private long size;

        long size() {
            return size;
        }

        void add(byte[] hash) {
            int offset = (int) (size & (HASHES_PER_CHUNK - 1)) * MerkleHashing.HASH_LENGTH;
            if (offset == 0) {
                chunks.add(new byte[CHUNK_BYTES]);
            }
            System.arraycopy(hash, 0, chunks.get(chunks.size() - 1), offset, MerkleHashing.HASH_LENGTH);
            size++;
        }

        byte[] get(long index) {
            byte[] chunk = chunks.get((int) (index >>> HASHES_PER_CHUNK_SHIFT));
            int offset = (int) (index & (HASHES_PER_CHUNK - 1)) * MerkleHashing.HASH_LENGTH;
            byte[] hash = new byte[MerkleHashing.HASH_LENGTH];
            System.arraycopy(chunk, offset, hash, 0, MerkleHashing.HASH_LENGTH);
            return hash;
        }
    }
}
