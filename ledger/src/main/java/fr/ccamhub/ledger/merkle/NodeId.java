package fr.ccamhub.ledger.merkle;

/**
 * Address of a perfect subtree: {@code level} 0 is a leaf, and node ({@code level}, {@code index}) covers leaves
 * [index·2^level, (index+1)·2^level).
 */
public record NodeId(int level, long index) {

    /** Highest level a tree of at most 2^63 − 1 leaves can complete. */
    public static final int MAX_LEVEL = 62;

    public NodeId {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("level must be in [0, " + MAX_LEVEL + "], got " + level);
        }
        // The covered leaves must end at or before Long.MAX_VALUE, the largest tree size we can count.
        if (index < 0 || index >= (Long.MAX_VALUE >> level)) {
            throw new IllegalArgumentException("index " + index + " out of range at level " + level);
        }
    }

    /** Index of the first leaf this subtree covers. */
    public long firstLeaf() {
        return index << level;
    }

    /** Exclusive end of the leaves this subtree covers: the tree size at which this node becomes complete. */
    public long endLeaf() {
        return (index + 1) << level;
    }

    @Override
    public String toString() {
        return "(" + level + ", " + index + ")";
    }
}
