package fr.ccamhub.ledger.head;

import fr.ccamhub.ledger.merkle.MerkleHashing;
import java.nio.ByteBuffer;

/**
 * The canonical bytes a tree head signature covers: RFC 6962 §3.5 {@code TreeHeadSignature}, 50 bytes, integers
 * unsigned big-endian.
 *
 * <pre>
 * offset  length  field
 *      0       1  version          = 0 (v1)
 *      1       1  signature_type   = 1 (tree_hash)
 *      2       8  timestamp        milliseconds since 1970-01-01T00:00:00Z
 *     10       8  tree_size        number of leaves
 *     18      32  sha256_root_hash Merkle tree hash of the leaves (RFC 9162 §2.1.1)
 * </pre>
 *
 * The key id is not signed: the signature itself binds the head to one key, and the key id only says which key to try.
 */
public final class TreeHeadSignatureInput {

    /** Size of the serialized input. */
    public static final int LENGTH = 50;
    /** RFC 6962 {@code Version v1}. */
    public static final byte VERSION_V1 = 0;
    /** RFC 6962 {@code SignatureType tree_hash}. */
    public static final byte SIGNATURE_TYPE_TREE_HASH = 1;

    private TreeHeadSignatureInput() {
    }

    /**
     * The 50 bytes to sign for a head of {@code treeSize} leaves with root {@code rootHash}, issued at
     * {@code timestampMillis}. Arguments in {@link SignedTreeHead}'s order, bytes in the order above.
     */
    public static byte[] of(long treeSize, long timestampMillis, byte[] rootHash) {
        if (timestampMillis < 0) {
            throw new IllegalArgumentException("timestamp must not be before 1970, got " + timestampMillis);
        }
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must not be negative, got " + treeSize);
        }
        MerkleHashing.requireHash(rootHash, "root hash");
        return ByteBuffer.allocate(LENGTH)
                .put(VERSION_V1)
                .put(SIGNATURE_TYPE_TREE_HASH)
                .putLong(timestampMillis)
                .putLong(treeSize)
                .put(rootHash)
                .array();
    }
}
