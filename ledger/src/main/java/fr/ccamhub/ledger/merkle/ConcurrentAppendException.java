package fr.ccamhub.ledger.merkle;

/** An append was based on a tree size that is no longer current: another writer appended first. */
public class ConcurrentAppendException extends IllegalStateException {

    private final long expectedSize;
    private final long actualSize;

    public ConcurrentAppendException(long expectedSize, long actualSize) {
        super("Append expected tree size " + expectedSize + " but the store holds " + actualSize
                + ": another writer appended; reload the log and retry");
        this.expectedSize = expectedSize;
        this.actualSize = actualSize;
    }

    public long expectedSize() {
        return expectedSize;
    }

    public long actualSize() {
        return actualSize;
    }
}
