package fr.ccamhub.ledger.merkle;

/** Where appended leaves landed: their first index, how many, and the tree head right after them. */
public record AppendResult(long firstLeafIndex, int leafCount, TreeHead head) {

    public AppendResult {
        if (head == null) {
            throw new IllegalArgumentException("head is required");
        }
        if (firstLeafIndex < 0 || leafCount < 0 || firstLeafIndex + leafCount != head.size()) {
            throw new IllegalArgumentException("leaves [" + firstLeafIndex + ", " + firstLeafIndex + " + " + leafCount
                    + ") do not end at tree size " + head.size());
        }
    }

    /** Index of the {@code i}-th appended leaf. */
    public long leafIndex(int i) {
        if (i < 0 || i >= leafCount) {
            throw new IndexOutOfBoundsException("leaf " + i + " of " + leafCount + " appended");
        }
        return firstLeafIndex + i;
    }
}
