package fr.ccamhub.ledger.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ccamhub.ledger.verify.LedgerVerifier;
import java.security.PublicKey;
import org.junit.jupiter.api.Test;

class PemPublicKeysTest {

    @Test
    void exportsTheKeyAsAStandardPemBlock() {
        PublicKey key = SigningKey.generate().publicKey();

        String pem = PemPublicKeys.toPem(key);

        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("\n-----END PUBLIC KEY-----\n");
        assertThat(pem.lines().skip(1).limit(1).findFirst().orElseThrow()).startsWith("MCowBQYDK2VwAyEA").hasSize(60);
    }

    @Test
    void anExportedKeyReadsBackAsTheSameKeyHereAndInTheIndependentVerifier() throws Exception {
        PublicKey key = SigningKey.generate().publicKey();
        String pem = PemPublicKeys.toPem(key);

        assertThat(PemPublicKeys.fromPem(pem).getEncoded()).isEqualTo(key.getEncoded());
        assertThat(LedgerVerifier.publicKeyFromPem(pem).getEncoded()).isEqualTo(key.getEncoded());
        assertThat(KeyIds.of(PemPublicKeys.fromPem(pem))).isEqualTo(LedgerVerifier.keyId(key));
    }

    @Test
    void readsEveryKeyOfAFileOfPublishedKeys() {
        PublicKey retired = SigningKey.generate().publicKey();
        PublicKey current = SigningKey.generate().publicKey();
        String file = "# retired 2026-11\n" + PemPublicKeys.toPem(retired) + "\n# current\n" + PemPublicKeys.toPem(current);

        assertThat(PemPublicKeys.readAll(file)).extracting(KeyIds::of)
                .containsExactly(KeyIds.of(retired), KeyIds.of(current));
        assertThatThrownBy(() -> PemPublicKeys.fromPem(file))
                .hasMessage("expected one PEM public key, found 2");
    }

    @Test
    void aBlockThatIsNotAnEd25519KeyIsRefused() {
        assertThatThrownBy(() -> PemPublicKeys.fromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("PEM block is not an Ed25519 public key");
    }
}
