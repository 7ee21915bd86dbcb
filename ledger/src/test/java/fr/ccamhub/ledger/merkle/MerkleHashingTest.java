package fr.ccamhub.ledger.merkle;

import static fr.ccamhub.ledger.Rfc6962TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MerkleHashingTest {

    @Test
    void emptyTreeRootIsSha256OfNothing() {
        assertThat(MerkleHashing.emptyRoot())
                .isEqualTo(hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    @Test
    void leafHashOfEmptyEntryIsNotTheEmptyRoot() {
        assertThat(MerkleHashing.leafHash(new byte[0]))
                .isEqualTo(hex("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"));
    }

    @Test
    void leafHashIsSha256OfZeroBytePrefixedEntry() {
        // echo -n 004C313233343536 | xxd -r -p | sha256sum
        assertThat(MerkleHashing.leafHash("L123456".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(hex("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56"));
    }

    @Test
    void nodeHashIsSha256OfOneBytePrefixedChildren() {
        byte[] left = hex("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        byte[] right = hex("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7");

        assertThat(MerkleHashing.nodeHash(left, right))
                .isEqualTo(hex("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"));
    }

    @Test
    void leafAndNodeHashesOfTheSameBytesDiffer() {
        byte[] left = MerkleHashing.leafHash("Hello".getBytes(StandardCharsets.US_ASCII));
        byte[] right = MerkleHashing.leafHash("World".getBytes(StandardCharsets.US_ASCII));
        byte[] concatenation = new byte[64];
        System.arraycopy(left, 0, concatenation, 0, 32);
        System.arraycopy(right, 0, concatenation, 32, 32);

        assertThat(MerkleHashing.nodeHash(left, right)).isNotEqualTo(MerkleHashing.leafHash(concatenation));
        assertThat(MerkleHashing.nodeHash(left, right)).isNotEqualTo(MerkleHashing.nodeHash(right, left));
    }

    @Test
    void nodeHashRefusesChildrenThatAreNotSha256Hashes() {
        assertThatThrownBy(() -> MerkleHashing.nodeHash(new byte[31], new byte[32]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("left must be a 32-byte SHA-256 hash, got 31 bytes");
    }
}
