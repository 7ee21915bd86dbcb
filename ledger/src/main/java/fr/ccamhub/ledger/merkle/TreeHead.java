package fr.ccamhub.ledger.merkle;

import java.util.Arrays;

/** An unsigned tree head: the size of the log and the Merkle tree hash of its leaves. */
public record TreeHead(long size, byte[] rootHash) {

    public TreeHead {
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative, got " + size);
        }
        rootHash = MerkleHashing.requireHash(rootHash, "root hash").clone();
    }

    /** The head of the empty log. */
    public static TreeHead empty() {
        return new TreeHead(0, MerkleHashing.emptyRoot());
    }

    /** A copy of the 32-byte root hash. */
    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TreeHead head && size == head.size && Arrays.equals(rootHash, head.rootHash);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(size) + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "TreeHead[size=" + size + ", root=" + Hashes.hex(rootHash) + "]";
    }
}
