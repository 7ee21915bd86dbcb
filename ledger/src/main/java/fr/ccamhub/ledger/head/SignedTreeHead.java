package fr.ccamhub.ledger.head;

import fr.ccamhub.ledger.merkle.MerkleHashing;
import fr.ccamhub.ledger.merkle.TreeHead;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A tree head the log vouches for: size, issue time, root hash, and the Ed25519 signature over
 * {@link TreeHeadSignatureInput} by the key whose {@link KeyIds key id} it names.
 */
public record SignedTreeHead(long treeSize, long timestampMillis, byte[] rootHash, byte[] signature, String keyId) {

    /** Length of an Ed25519 signature. */
    public static final int SIGNATURE_LENGTH = 64;

    public SignedTreeHead {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must not be negative, got " + treeSize);
        }
        if (timestampMillis < 0) {
            throw new IllegalArgumentException("timestamp must not be before 1970, got " + timestampMillis);
        }
        rootHash = MerkleHashing.requireHash(rootHash, "root hash").clone();
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 signature has " + SIGNATURE_LENGTH + " bytes, got "
                    + (signature == null ? "none" : signature.length));
        }
        signature = signature.clone();
        if (keyId == null || !KeyIds.isWellFormed(keyId)) {
            throw new IllegalArgumentException("key id must be 64 lower-case hex digits, got " + keyId);
        }
    }

    /** The unsigned head: size and root. */
    public TreeHead treeHead() {
        return new TreeHead(treeSize, rootHash);
    }

    /** The 50 bytes the signature covers. */
    public byte[] signatureInput() {
        return TreeHeadSignatureInput.of(treeSize, timestampMillis, rootHash);
    }

    /** A copy of the root hash. */
    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** A copy of the signature. */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedTreeHead head
                && treeSize == head.treeSize
                && timestampMillis == head.timestampMillis
                && Arrays.equals(rootHash, head.rootHash)
                && Arrays.equals(signature, head.signature)
                && keyId.equals(head.keyId);
    }

    @Override
    public int hashCode() {
        int result = Long.hashCode(treeSize);
        result = 31 * result + Long.hashCode(timestampMillis);
        result = 31 * result + Arrays.hashCode(rootHash);
        result = 31 * result + Arrays.hashCode(signature);
        return 31 * result + keyId.hashCode();
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "SignedTreeHead[treeSize=" + treeSize + ", timestampMillis=" + timestampMillis + ", rootHash="
                + hex.formatHex(rootHash) + ", signature=" + hex.formatHex(signature) + ", keyId=" + keyId + "]";
    }
}
