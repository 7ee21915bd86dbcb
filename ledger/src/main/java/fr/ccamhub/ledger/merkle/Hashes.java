package fr.ccamhub.ledger.merkle;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Copying, comparing and printing hashes and hash lists held by the value types of this package. */
final class Hashes {

    private static final HexFormat LOWER_HEX = HexFormat.of();

    private Hashes() {
    }

    static String hex(byte[] hash) {
        return LOWER_HEX.formatHex(hash);
    }

    /** An unmodifiable deep copy of {@code hashes}, each checked to be 32 bytes. */
    static List<byte[]> copyOf(List<byte[]> hashes, String what) {
        if (hashes == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return hashes.stream().map(hash -> MerkleHashing.requireHash(hash, "each hash of " + what).clone()).toList();
    }

    static List<byte[]> deepCopy(List<byte[]> hashes) {
        return hashes.stream().map(byte[]::clone).toList();
    }

    static boolean equal(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static int hashCode(List<byte[]> hashes) {
        int result = 1;
        for (byte[] hash : hashes) {
            result = 31 * result + Arrays.hashCode(hash);
        }
        return result;
    }

    static String hex(List<byte[]> hashes) {
        return hashes.stream().map(Hashes::hex).toList().toString();
    }
}
