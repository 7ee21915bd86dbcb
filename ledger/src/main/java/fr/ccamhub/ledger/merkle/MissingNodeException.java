package fr.ccamhub.ledger.merkle;

/** A node that must exist for the requested tree size is not in the {@link TreeNodeStore}. */
public class MissingNodeException extends IllegalStateException {

    private final NodeId node;

    public MissingNodeException(NodeId node, long storedTreeSize) {
        super("Merkle node " + node + " is not stored (stored tree size " + storedTreeSize
                + "): the store is behind or has lost data");
        this.node = node;
    }

    public NodeId node() {
        return node;
    }
}
