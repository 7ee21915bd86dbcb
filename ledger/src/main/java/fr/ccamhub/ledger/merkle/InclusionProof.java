package fr.ccamhub.ledger.merkle;

import java.util.List;

/** RFC 9162 §2.1.3 audit path: the sibling hashes proving that leaf {@code leafIndex} is in the tree of size {@code treeSize}. */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> auditPath) {

    public InclusionProof {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf index " + leafIndex + " is not in a tree of size " + treeSize);
        }
        auditPath = Hashes.copyOf(auditPath, "audit path");
    }

    /** A copy of the path, nearest the leaf first. */
    @Override
    public List<byte[]> auditPath() {
        return Hashes.deepCopy(auditPath);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InclusionProof proof && leafIndex == proof.leafIndex && treeSize == proof.treeSize
                && Hashes.equal(auditPath, proof.auditPath);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(leafIndex) + Long.hashCode(treeSize)) + Hashes.hashCode(auditPath);
    }

    @Override
    public String toString() {
        return "InclusionProof[leafIndex=" + leafIndex + ", treeSize=" + treeSize + ", auditPath=" + Hashes.hex(auditPath) + "]";
    }
}
