package fr.ccamhub.ledger.verify;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks ccamhub ledger proofs and signed tree heads with nothing but the JDK (Java 17+), without trusting the server.
 *
 * <p>Self-contained on purpose: an auditor can copy this one file, read it against RFC 9162 and RFC 6962, and run it.
 * It shares no code with the ledger that produces the proofs, so a bug on one side shows up as a failure on the other.
 *
 * <ul>
 *   <li>Hashing, RFC 9162 §2.1.1: leaf = SHA-256(0x00 || entry), node = SHA-256(0x01 || left || right),
 *       empty tree = SHA-256("").</li>
 *   <li>Inclusion proofs: the algorithm of RFC 9162 §2.1.3.2, step by step.</li>
 *   <li>Consistency proofs: the algorithm of RFC 9162 §2.1.4.2, step by step. Two cases the RFC leaves out are
 *       decided here: equal sizes need an empty proof and equal roots (and the empty tree's root at size 0); a proof
 *       from the empty tree is refused, since any tree extends it and the proof would show nothing.</li>
 *   <li>Signed tree heads: an Ed25519 signature over the 50 bytes of RFC 6962 §3.5 TreeHeadSignature, see
 *       {@link #treeHeadSignatureInput}. A signing key is named by its key id: the lower-case hex SHA-256 of its
 *       X.509 SubjectPublicKeyInfo encoding, see {@link #keyId}.</li>
 * </ul>
 *
 * <p>Every check throws {@link VerificationException} naming the {@link Failure} and what did not match.
 */
public final class LedgerVerifier {

    /** Length of every hash in the log: SHA-256. */
    public static final int HASH_LENGTH = 32;
    /** Length of the signed tree head's signature input. */
    public static final int TREE_HEAD_SIGNATURE_INPUT_LENGTH = 50;

    private static final HexFormat HEX = HexFormat.of();

    private LedgerVerifier() {
    }

    /** What a failed verification found wrong. */
    public enum Failure {
        /** An argument cannot be what it claims: wrong hash length, negative size, unparsable key, empty first tree. */
        MALFORMED_INPUT,
        /** The leaf index is not below the tree size. */
        LEAF_INDEX_OUT_OF_RANGE,
        /** The proof has more or fewer hashes than the sizes require. */
        WRONG_PATH_LENGTH,
        /** The inclusion proof leads to another root than the tree head's. */
        ROOT_MISMATCH,
        /** The second tree is smaller than the first. */
        SIZES_OUT_OF_ORDER,
        /** The consistency proof does not rebuild the first (older) root. */
        OLD_ROOT_MISMATCH,
        /** The consistency proof does not rebuild the second (newer) root, or equal sizes have different roots. */
        NEW_ROOT_MISMATCH,
        /** The tree head's signature does not verify under the key. */
        BAD_SIGNATURE,
        /** No trusted key has the tree head's key id. */
        UNKNOWN_KEY
    }

    /** A verification that failed, with the check that failed. */
    public static final class VerificationException extends Exception {

        private static final long serialVersionUID = 1L;

        private final Failure failure;

        public VerificationException(Failure failure, String message) {
            super(failure + ": " + message);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    /** SHA-256(""), the root of the empty tree. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** SHA-256(0x00 || entry), the leaf hash of a log entry. */
    public static byte[] leafHash(byte[] entry) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x00);
        digest.update(entry);
        return digest.digest();
    }

    /**
     * Verifies that the leaf with hash {@code leafHash} is at {@code leafIndex} in the tree of {@code treeSize} leaves
     * whose root is {@code rootHash} (RFC 9162 §2.1.3.2).
     *
     * @param auditPath the inclusion proof, nearest the leaf first
     */
    public static void verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> auditPath,
            byte[] rootHash) throws VerificationException {
        requireHash(leafHash, "leaf hash");
        requireHash(rootHash, "root hash");
        requireHashes(auditPath, "audit path");
        // Step 1.
        if (leafIndex < 0 || treeSize <= 0 || leafIndex >= treeSize) {
            throw new VerificationException(Failure.LEAF_INDEX_OUT_OF_RANGE,
                    "leaf index " + leafIndex + " is not in a tree of size " + treeSize);
        }
        int expectedLength = inclusionPathLength(leafIndex, treeSize - 1);
        if (auditPath.size() != expectedLength) {
            throw new VerificationException(Failure.WRONG_PATH_LENGTH, "audit path has " + auditPath.size()
                    + " hashes, leaf " + leafIndex + " of a tree of size " + treeSize + " needs " + expectedLength);
        }
        // Steps 2 and 3.
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        // Step 4.
        for (byte[] p : auditPath) {
            if (sn == 0) {
                throw new VerificationException(Failure.WRONG_PATH_LENGTH, "audit path is longer than the tree is high");
            }
            if (isOdd(fn) || fn == sn) {
                r = nodeHash(p, r);
                if (!isOdd(fn)) {
                    while (!isOdd(fn) && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        // Step 5.
        if (sn != 0) {
            throw new VerificationException(Failure.WRONG_PATH_LENGTH, "audit path is shorter than the tree is high");
        }
        if (!MessageDigest.isEqual(r, rootHash)) {
            throw new VerificationException(Failure.ROOT_MISMATCH, "leaf " + leafIndex + " with this audit path gives root "
                    + HEX.formatHex(r) + ", the tree head of size " + treeSize + " has " + HEX.formatHex(rootHash));
        }
    }

    /**
     * Verifies that the tree of {@code firstSize} leaves with root {@code firstRoot} is a prefix of the tree of
     * {@code secondSize} leaves with root {@code secondRoot} (RFC 9162 §2.1.4.2).
     */
    public static void verifyConsistency(long firstSize, byte[] firstRoot, long secondSize, byte[] secondRoot,
            List<byte[]> consistencyPath) throws VerificationException {
        requireHash(firstRoot, "first root");
        requireHash(secondRoot, "second root");
        requireHashes(consistencyPath, "consistency path");
        if (firstSize < 0 || secondSize < 0) {
            throw new VerificationException(Failure.MALFORMED_INPUT,
                    "tree sizes must not be negative, got " + firstSize + " and " + secondSize);
        }
        if (firstSize > secondSize) {
            throw new VerificationException(Failure.SIZES_OUT_OF_ORDER,
                    "first tree size " + firstSize + " is larger than second tree size " + secondSize);
        }
        if (firstSize == secondSize) {
            verifySameTree(firstSize, firstRoot, secondRoot, consistencyPath);
            return;
        }
        if (firstSize == 0) {
            throw new VerificationException(Failure.MALFORMED_INPUT,
                    "every tree extends the empty tree: a consistency proof from size 0 proves nothing");
        }
        int expectedLength = consistencyPathLength(firstSize, secondSize);
        // Step 1 is covered: the expected length is never 0 here.
        if (consistencyPath.size() != expectedLength) {
            throw new VerificationException(Failure.WRONG_PATH_LENGTH, "consistency path has " + consistencyPath.size()
                    + " hashes, sizes " + firstSize + " to " + secondSize + " need " + expectedLength);
        }
        // Step 2.
        List<byte[]> path = new ArrayList<>(consistencyPath);
        if (isPowerOfTwo(firstSize)) {
            path.add(0, firstRoot);
        }
        // Step 3.
        long fn = firstSize - 1;
        long sn = secondSize - 1;
        // Step 4.
        while (isOdd(fn)) {
            fn >>= 1;
            sn >>= 1;
        }
        // Step 5.
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        // Step 6.
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new VerificationException(Failure.WRONG_PATH_LENGTH, "consistency path is too long");
            }
            if (isOdd(fn) || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if (!isOdd(fn)) {
                    while (!isOdd(fn) && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        // Step 7.
        if (sn != 0) {
            throw new VerificationException(Failure.WRONG_PATH_LENGTH, "consistency path is too short");
        }
        if (!MessageDigest.isEqual(fr, firstRoot)) {
            throw new VerificationException(Failure.OLD_ROOT_MISMATCH, "the proof rebuilds first root " + HEX.formatHex(fr)
                    + " for size " + firstSize + ", the first tree head has " + HEX.formatHex(firstRoot));
        }
        if (!MessageDigest.isEqual(sr, secondRoot)) {
            throw new VerificationException(Failure.NEW_ROOT_MISMATCH, "the proof rebuilds second root " + HEX.formatHex(sr)
                    + " for size " + secondSize + ", the second tree head has " + HEX.formatHex(secondRoot));
        }
    }

    /**
     * The bytes a tree head signature covers: RFC 6962 §3.5 TreeHeadSignature, 50 bytes, integers big-endian.
     *
     * <pre>
     * offset  length  field
     *      0       1  version          = 0 (v1)
     *      1       1  signature_type   = 1 (tree_hash)
     *      2       8  timestamp        milliseconds since 1970-01-01T00:00:00Z
     *     10       8  tree_size        number of leaves
     *     18      32  sha256_root_hash Merkle tree hash of the leaves
     * </pre>
     *
     * Arguments are in the same order as in every method here (size, timestamp, root), not in byte order.
     */
    public static byte[] treeHeadSignatureInput(long treeSize, long timestampMillis, byte[] rootHash)
            throws VerificationException {
        requireHash(rootHash, "root hash");
        if (timestampMillis < 0 || treeSize < 0) {
            throw new VerificationException(Failure.MALFORMED_INPUT,
                    "tree size and timestamp must not be negative, got " + treeSize + " and " + timestampMillis);
        }
        return ByteBuffer.allocate(TREE_HEAD_SIGNATURE_INPUT_LENGTH)
                .put((byte) 0)
                .put((byte) 1)
                .putLong(timestampMillis)
                .putLong(treeSize)
                .put(rootHash)
                .array();
    }

    /** Verifies the Ed25519 signature of a tree head under {@code publicKey}. */
    public static void verifyTreeHeadSignature(PublicKey publicKey, long treeSize, long timestampMillis, byte[] rootHash,
            byte[] signature) throws VerificationException {
        byte[] signed = treeHeadSignatureInput(treeSize, timestampMillis, rootHash);
        if (signature == null) {
            throw new VerificationException(Failure.MALFORMED_INPUT, "signature is missing");
        }
        boolean valid;
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(publicKey);
            ed25519.update(signed);
            valid = ed25519.verify(signature);
        } catch (InvalidKeyException e) {
            throw new VerificationException(Failure.MALFORMED_INPUT, "not an Ed25519 public key: " + e.getMessage());
        } catch (SignatureException e) {
            valid = false;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK has no Ed25519 (Java 15+ has)", e);
        }
        if (!valid) {
            throw new VerificationException(Failure.BAD_SIGNATURE, "the signature of the tree head (size " + treeSize
                    + ", timestamp " + timestampMillis + ", root " + HEX.formatHex(rootHash) + ") does not verify under key "
                    + keyId(publicKey));
        }
    }

    /**
     * Verifies a tree head signed by the key named {@code keyId}, which must be one of {@code trustedKeys}: keys of
     * earlier rotations stay trusted so that older heads keep verifying.
     */
    public static void verifyTreeHeadSignature(Collection<PublicKey> trustedKeys, String keyId, long treeSize,
            long timestampMillis, byte[] rootHash, byte[] signature) throws VerificationException {
        for (PublicKey key : trustedKeys) {
            if (keyId(key).equals(keyId)) {
                verifyTreeHeadSignature(key, treeSize, timestampMillis, rootHash, signature);
                return;
            }
        }
        throw new VerificationException(Failure.UNKNOWN_KEY, "no trusted key has key id " + keyId);
    }

    /** Lower-case hex SHA-256 of the key's X.509 SubjectPublicKeyInfo (DER) encoding. */
    public static String keyId(PublicKey publicKey) {
        if (!"X.509".equals(publicKey.getFormat())) {
            throw new IllegalArgumentException("public key has no X.509 encoding: " + publicKey.getFormat());
        }
        return HEX.formatHex(sha256().digest(publicKey.getEncoded()));
    }

    /** Reads an Ed25519 public key from PEM ("-----BEGIN PUBLIC KEY-----", SubjectPublicKeyInfo). */
    public static PublicKey publicKeyFromPem(String pem) throws VerificationException {
        String header = "-----BEGIN PUBLIC KEY-----";
        String footer = "-----END PUBLIC KEY-----";
        int begin = pem.indexOf(header);
        int end = pem.indexOf(footer);
        if (begin < 0 || end < begin) {
            throw new VerificationException(Failure.MALFORMED_INPUT, "no PEM public key block (" + header + ")");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + header.length(), end));
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new VerificationException(Failure.MALFORMED_INPUT, "not an Ed25519 public key in PEM: " + e.getMessage());
        }
    }

    /** Equal sizes: nothing to prove, but the two heads must agree (and a size-0 head must be the empty tree). */
    private static void verifySameTree(long size, byte[] firstRoot, byte[] secondRoot, List<byte[]> consistencyPath)
            throws VerificationException {
        if (!consistencyPath.isEmpty()) {
            throw new VerificationException(Failure.WRONG_PATH_LENGTH,
                    "sizes are equal (" + size + "), so the consistency path must be empty, it has " + consistencyPath.size());
        }
        if (!MessageDigest.isEqual(firstRoot, secondRoot)) {
            throw new VerificationException(Failure.NEW_ROOT_MISMATCH, "two tree heads of size " + size
                    + " have different roots " + HEX.formatHex(firstRoot) + " and " + HEX.formatHex(secondRoot));
        }
        if (size == 0 && !MessageDigest.isEqual(firstRoot, emptyRoot())) {
            throw new VerificationException(Failure.OLD_ROOT_MISMATCH,
                    "a tree of size 0 must have the empty root " + HEX.formatHex(emptyRoot()));
        }
    }

    /** Number of hashes the §2.1.3.2 loop consumes before sn reaches 0. */
    private static int inclusionPathLength(long fn, long sn) {
        int length = 0;
        while (sn != 0) {
            if (!isOdd(fn) && fn == sn) {
                while (!isOdd(fn) && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            fn >>= 1;
            sn >>= 1;
            length++;
        }
        return length;
    }

    /** Number of hashes §2.1.4.2 needs for 0 < first < second, not counting the first root it prepends itself. */
    private static int consistencyPathLength(long first, long second) {
        long fn = first - 1;
        long sn = second - 1;
        while (isOdd(fn)) {
            fn >>= 1;
            sn >>= 1;
        }
        return (isPowerOfTwo(first) ? 0 : 1) + inclusionPathLength(fn, sn);
    }

    private static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x01);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    private static boolean isOdd(long n) {
        return (n & 1) == 1;
    }

    private static boolean isPowerOfTwo(long n) {
        return n > 0 && (n & (n - 1)) == 0;
    }

    private static void requireHash(byte[] hash, String what) throws VerificationException {
        if (hash == null || hash.length != HASH_LENGTH) {
            throw new VerificationException(Failure.MALFORMED_INPUT, what + " must be " + HASH_LENGTH + " bytes, got "
                    + (hash == null ? "none" : hash.length));
        }
    }

    private static void requireHashes(List<byte[]> hashes, String what) throws VerificationException {
        if (hashes == null) {
            throw new VerificationException(Failure.MALFORMED_INPUT, what + " is missing");
        }
        for (int i = 0; i < hashes.size(); i++) {
            requireHash(hashes.get(i), what + "[" + i + "]");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }
}
