package fr.ccamhub.ledger.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which stored nodes make up a root, an inclusion proof or a consistency proof (RFC 9162 §2.1), before any hash is
 * read.
 *
 * <p>Every element of a proof is the hash of a leaf range D[start:end) that the RFC's recursion produces. Such a range
 * starts at a multiple of a power of two at least as large as the range, so it splits, one set bit of its length at a
 * time, into perfect subtrees that are all stored: a "plan element" is that list, left to right, and its hash is the
 * right-to-left fold of their hashes. Only the right edge of a proof can be a composite range, so a proof needs at most
 * about 2·log2(n) stored nodes.
 */
final class ProofPlanner {

    private ProofPlanner() {
    }

    /**
     * The perfect subtrees that make up leaves [start, end), left to right, largest first.
     *
     * @throws IllegalArgumentException if the range is empty or {@code start} is not aligned to the largest subtree
     */
    static List<NodeId> perfectSubtrees(long start, long end) {
        long length = end - start;
        if (start < 0 || length <= 0) {
            throw new IllegalArgumentException("empty or negative leaf range [" + start + ", " + end + ")");
        }
        if ((start & (Long.highestOneBit(length) - 1)) != 0) {
            throw new IllegalArgumentException("leaf range [" + start + ", " + end + ") is not aligned to its largest subtree");
        }
        List<NodeId> subtrees = new ArrayList<>(Long.bitCount(length));
        long position = start;
        for (int level = 63 - Long.numberOfLeadingZeros(length); level >= 0; level--) {
            if ((length & (1L << level)) != 0) {
                subtrees.add(new NodeId(level, position >>> level));
                position += 1L << level;
            }
        }
        return subtrees;
    }

    /** PATH(m, D[n]) of RFC 9162 §2.1.3.1 as plan elements, in proof order (nearest the leaf first). */
    static List<List<NodeId>> inclusion(long leafIndex, long treeSize) {
        if (treeSize <= 0 || leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf index " + leafIndex + " is not in a tree of size " + treeSize);
        }
        List<List<NodeId>> elements = new ArrayList<>();
        long start = 0;
        long size = treeSize;
        long index = leafIndex;
        while (size > 1) {
            long k = largestPowerOfTwoBelow(size);
            if (index < k) {
                elements.add(perfectSubtrees(start + k, start + size));
                size = k;
            } else {
                elements.add(perfectSubtrees(start, start + k));
                start += k;
                index -= k;
                size -= k;
            }
        }
        Collections.reverse(elements);
        return elements;
    }

    /** PROOF(m, D[n]) of RFC 9162 §2.1.4.1 as plan elements, in proof order; empty when m = n. */
    static List<List<NodeId>> consistency(long fromSize, long toSize) {
        if (fromSize <= 0 || fromSize > toSize) {
            throw new IllegalArgumentException("no consistency proof from size " + fromSize + " to size " + toSize
                    + ": sizes must satisfy 0 < from <= to");
        }
        List<List<NodeId>> elements = new ArrayList<>();
        long start = 0;
        long size = toSize;
        long m = fromSize;
        // SUBPROOF's flag b: true while the old tree is a left-aligned prefix whose root the verifier already holds.
        boolean oldRootKnown = true;
        while (m != size) {
            long k = largestPowerOfTwoBelow(size);
            if (m <= k) {
                elements.add(perfectSubtrees(start + k, start + size));
                size = k;
            } else {
                elements.add(perfectSubtrees(start, start + k));
                start += k;
                m -= k;
                size -= k;
                oldRootKnown = false;
            }
        }
        if (!oldRootKnown) {
            elements.add(perfectSubtrees(start, start + size));
        }
        Collections.reverse(elements);
        return elements;
    }

    /** The k of RFC 9162: the largest power of two strictly smaller than {@code n}, for n ≥ 2. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
