package fr.ccamhub.ledger.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** RFC 9162 §2.1.1 Merkle tree hashing with SHA-256: domain-separated leaf and interior node hashes. */
public final class MerkleHashing {

    /** Length in bytes of every hash in the tree (SHA-256). */
    public static final int HASH_LENGTH = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    // MessageDigest is not thread-safe and getInstance() costs a provider lookup: one per thread.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(MerkleHashing::newSha256);

    private MerkleHashing() {
    }

    /** MTH({}) = SHA-256(""): the root of the empty tree. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** MTH({d}) = SHA-256(0x00 || d): the hash of one log entry. */
    public static byte[] leafHash(byte[] entry) {
        MessageDigest digest = sha256();
        digest.update(LEAF_PREFIX);
        digest.update(entry);
        return digest.digest();
    }

    /** SHA-256(0x01 || left || right): the hash of an interior node. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        requireHash(left, "left");
        requireHash(right, "right");
        MessageDigest digest = sha256();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** Returns {@code hash} if it is a 32-byte array, else throws {@link IllegalArgumentException} naming {@code what}. */
    public static byte[] requireHash(byte[] hash, String what) {
        if (hash == null || hash.length != HASH_LENGTH) {
            throw new IllegalArgumentException(what + " must be a " + HASH_LENGTH + "-byte SHA-256 hash, got "
                    + (hash == null ? "null" : hash.length + " bytes"));
        }
        return hash;
    }

    private static MessageDigest sha256() {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return digest;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }
}
