package fr.ccamhub.ledger.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SignedTreeHeadTest {

    private static final String KEY_ID = "06e3fd8fda29bb60ab59557de61edb0aecdb231134be30e75b455f8e1b792fa9";

    @Test
    void headsWithTheSameContentAreEqualAndCannotBeChangedThroughTheirArrays() {
        byte[] root = new byte[32];
        byte[] signature = new byte[64];
        SignedTreeHead head = new SignedTreeHead(3, 10, root, signature, KEY_ID);
        root[0] = 1;
        head.signature()[0] = 1;

        assertThat(head).isEqualTo(new SignedTreeHead(3, 10, new byte[32], new byte[64], KEY_ID));
        assertThat(head.hashCode()).isEqualTo(new SignedTreeHead(3, 10, new byte[32], new byte[64], KEY_ID).hashCode());
        assertThat(head.rootHash()).containsOnly(0);
        assertThat(head.signature()).containsOnly(0);
    }

    @Test
    void refusesMalformedFields() {
        assertThatThrownBy(() -> new SignedTreeHead(3, 10, new byte[32], new byte[63], KEY_ID))
                .hasMessageContaining("an Ed25519 signature has 64 bytes, got 63");
        assertThatThrownBy(() -> new SignedTreeHead(3, 10, new byte[32], new byte[64], KEY_ID.toUpperCase()))
                .hasMessageContaining("key id must be 64 lower-case hex digits");
        assertThatThrownBy(() -> new SignedTreeHead(-1, 10, new byte[32], new byte[64], KEY_ID))
                .hasMessageContaining("tree size must not be negative");
    }
}
