package fr.ccamhub.ledger.head;

import static fr.ccamhub.ledger.Rfc6962TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ccamhub.ledger.verify.LedgerVerifier;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TreeHeadSignatureInputTest {

    private static final byte[] ROOT_OF_8 = hex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void isRfc6962TreeHeadSignatureBigEndian() {
        byte[] input = TreeHeadSignatureInput.of(8, 1_700_000_000_000L, ROOT_OF_8);

        assertThat(input).isEqualTo(hex("00" + "01"        // version v1, signature_type tree_hash
                + "0000018bcfe56800"                        // timestamp 1700000000000 ms
                + "0000000000000008"                        // tree_size 8
                + "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));
        assertThat(input).hasSize(TreeHeadSignatureInput.LENGTH);
    }

    @Test
    void isByteForByteWhatTheIndependentVerifierSigns() throws Exception {
        Random random = new Random(3);
        for (int i = 0; i < 100; i++) {
            long timestamp = random.nextLong() >>> 1;
            long size = random.nextLong() >>> 1;
            byte[] root = new byte[32];
            random.nextBytes(root);

            assertThat(TreeHeadSignatureInput.of(size, timestamp, root))
                    .isEqualTo(LedgerVerifier.treeHeadSignatureInput(size, timestamp, root));
        }
    }

    @Test
    void refusesValuesThatAreNotUnsigned64BitIntegers() {
        assertThatThrownBy(() -> TreeHeadSignatureInput.of(8, -1, ROOT_OF_8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TreeHeadSignatureInput.of(-8, 0, ROOT_OF_8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TreeHeadSignatureInput.of(8, 0, new byte[20])).isInstanceOf(IllegalArgumentException.class);
    }
}
