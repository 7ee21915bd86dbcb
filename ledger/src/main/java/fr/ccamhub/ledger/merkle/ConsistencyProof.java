package fr.ccamhub.ledger.merkle;

import java.util.List;

/** RFC 9162 §2.1.4 consistency proof: the hashes proving the tree of size {@code fromSize} is a prefix of the tree of size {@code toSize}. */
public record ConsistencyProof(long fromSize, long toSize, List<byte[]> path) {

    public ConsistencyProof {
        if (fromSize <= 0 || fromSize > toSize) {
            throw new IllegalArgumentException("sizes must satisfy 0 < from <= to, got from " + fromSize + " to " + toSize);
        }
        path = Hashes.copyOf(path, "consistency path");
    }

    /** A copy of the path, in RFC 9162 order. */
    @Override
    public List<byte[]> path() {
        return Hashes.deepCopy(path);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConsistencyProof proof && fromSize == proof.fromSize && toSize == proof.toSize
                && Hashes.equal(path, proof.path);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(fromSize) + Long.hashCode(toSize)) + Hashes.hashCode(path);
    }

    @Override
    public String toString() {
        return "ConsistencyProof[fromSize=" + fromSize + ", toSize=" + toSize + ", path=" + Hashes.hex(path) + "]";
    }
}
