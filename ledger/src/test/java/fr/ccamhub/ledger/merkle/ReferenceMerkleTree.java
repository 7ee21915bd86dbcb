package fr.ccamhub.ledger.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 §2.1 written out as its recursive definitions (MTH, PATH, PROOF/SUBPROOF) over the leaf hashes, with its
 * own SHA-256 calls. Slow and obviously faithful: the yardstick the log is compared with.
 */
final class ReferenceMerkleTree {

    private final List<byte[]> leafHashes;

    ReferenceMerkleTree(List<byte[]> leafHashes) {
        this.leafHashes = leafHashes;
    }

    /** MTH(D[0:n]). */
    byte[] root(int n) {
        return n == 0 ? sha256(new byte[0]) : mth(0, n);
    }

    /** PATH(m, D[0:n]). */
    List<byte[]> path(int m, int n) {
        return path(m, 0, n);
    }

    /** PROOF(m, D[0:n]). */
    List<byte[]> proof(int m, int n) {
        return subproof(m, 0, n, true);
    }

    private byte[] mth(int start, int end) {
        int n = end - start;
        if (n == 1) {
            return leafHashes.get(start);
        }
        int k = largestPowerOfTwoBelow(n);
        return node(mth(start, start + k), mth(start + k, end));
    }

    private List<byte[]> path(int m, int start, int end) {
        int n = end - start;
        List<byte[]> result = new ArrayList<>();
        if (n == 1) {
            return result;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            result.addAll(path(m, start, start + k));
            result.add(mth(start + k, end));
        } else {
            result.addAll(path(m - k, start + k, end));
            result.add(mth(start, start + k));
        }
        return result;
    }

    private List<byte[]> subproof(int m, int start, int end, boolean b) {
        int n = end - start;
        List<byte[]> result = new ArrayList<>();
        if (m == n) {
            if (!b) {
                result.add(mth(start, end));
            }
            return result;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            result.addAll(subproof(m, start, start + k, b));
            result.add(mth(start + k, end));
        } else {
            result.addAll(subproof(m - k, start + k, end, false));
            result.add(mth(start, start + k));
        }
        return result;
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }

    private static byte[] node(byte[] left, byte[] right) {
        byte[] input = new byte[1 + left.length + right.length];
        input[0] = 0x01;
        System.arraycopy(left, 0, input, 1, left.length);
        System.arraycopy(right, 0, input, 1 + left.length, right.length);
        return sha256(input);
    }

    static byte[] leaf(byte[] entry) {
        byte[] input = new byte[1 + entry.length];
        System.arraycopy(entry, 0, input, 1, entry.length);
        return sha256(input);
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
