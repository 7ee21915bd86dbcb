package fr.ccamhub.ledger.merkle;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A store that counts reads and writes and can be told to fail the next write, around an in-memory store. */
final class RecordingTreeNodeStore implements TreeNodeStore {

    private final TreeNodeStore delegate;
    final AtomicInteger nodesRead = new AtomicInteger();
    final AtomicInteger readCalls = new AtomicInteger();
    final AtomicInteger appendCalls = new AtomicInteger();
    private volatile boolean failNextAppend;

    RecordingTreeNodeStore(TreeNodeStore delegate) {
        this.delegate = delegate;
    }

    void failNextAppend() {
        failNextAppend = true;
    }

    void resetCounts() {
        nodesRead.set(0);
        readCalls.set(0);
        appendCalls.set(0);
    }

    @Override
    public long treeSize() {
        return delegate.treeSize();
    }

    @Override
    public List<byte[]> read(List<NodeId> ids) {
        readCalls.incrementAndGet();
        nodesRead.addAndGet(ids.size());
        return delegate.read(ids);
    }

    @Override
    public void append(long expectedSize, List<TreeNode> nodes, long newSize) {
        appendCalls.incrementAndGet();
        if (failNextAppend) {
            failNextAppend = false;
            throw new IllegalStateException("simulated database failure");
        }
        delegate.append(expectedSize, nodes, newSize);
    }
}
