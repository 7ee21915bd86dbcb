package fr.ccamhub.ledger.head;

import static fr.ccamhub.ledger.Rfc6962TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ccamhub.ledger.merkle.TreeHead;
import fr.ccamhub.ledger.verify.LedgerVerifier;
import fr.ccamhub.ledger.verify.LedgerVerifier.Failure;
import fr.ccamhub.ledger.verify.LedgerVerifier.VerificationException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeHeadSignerTest {

    private static final TreeHead HEAD_OF_8 =
            new TreeHead(8, hex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));
    private static final Clock NOW = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);

    @Test
    void signsTheDocumentedBytesExactlyAsOpenSslDoes() throws Exception {
        // RFC 8032 §7.1 test 1 key. Expected signature: `openssl pkeyutl -sign -rawin` over the 50 documented bytes.
        KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
        KeyPair rfc8032 = new KeyPair(
                ed25519.generatePublic(new X509EncodedKeySpec(hex(
                        "302a300506032b6570032100d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"))),
                ed25519.generatePrivate(new PKCS8EncodedKeySpec(hex(
                        "302e020100300506032b657004220420"
                                + "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))));
        TreeHeadSigner signer = new TreeHeadSigner(SigningKey.of(rfc8032), NOW);

        SignedTreeHead head = signer.sign(HEAD_OF_8);

        assertThat(HexFormat.of().formatHex(head.signature())).isEqualTo(
                "201af1fbc6a01be54fe1ae2c3a70248ef475f65c7eb1c9961b43a80dfbd7a3cc"
                        + "a1372c16c8c81c0f412c63326e80f62288e9cb3d88296c74b0a54e0eee4e1202");
        assertThat(head.keyId()).isEqualTo("06e3fd8fda29bb60ab59557de61edb0aecdb231134be30e75b455f8e1b792fa9");
        assertThat(head.timestampMillis()).isEqualTo(1_700_000_000_000L);
        assertThat(head.treeHead()).isEqualTo(HEAD_OF_8);
    }

    @Test
    void aSignedHeadVerifiesWithTheSignersPublicKey() {
        TreeHeadSigner signer = new TreeHeadSigner(SigningKey.generate(), NOW);
        SignedTreeHead head = signer.sign(HEAD_OF_8);

        assertThatCode(() -> PublicKeyRing.of(signer.publicKey()).verify(head)).doesNotThrowAnyException();
        assertThatCode(() -> LedgerVerifier.verifyTreeHeadSignature(List.of(signer.publicKey()), head.keyId(),
                head.treeSize(), head.timestampMillis(), head.rootHash(), head.signature())).doesNotThrowAnyException();
    }

    @Test
    void changingAnySignedFieldBreaksTheSignature() {
        TreeHeadSigner signer = new TreeHeadSigner(SigningKey.generate(), NOW);
        PublicKeyRing ring = PublicKeyRing.of(signer.publicKey());
        SignedTreeHead head = signer.sign(HEAD_OF_8);
        byte[] otherRoot = head.rootHash();
        otherRoot[31] ^= 1;
        byte[] otherSignature = head.signature();
        otherSignature[0] ^= 1;

        List<SignedTreeHead> tampered = List.of(
                new SignedTreeHead(9, head.timestampMillis(), head.rootHash(), head.signature(), head.keyId()),
                new SignedTreeHead(8, head.timestampMillis() + 1, head.rootHash(), head.signature(), head.keyId()),
                new SignedTreeHead(8, head.timestampMillis(), otherRoot, head.signature(), head.keyId()),
                new SignedTreeHead(8, head.timestampMillis(), head.rootHash(), otherSignature, head.keyId()));

        for (SignedTreeHead forged : tampered) {
            assertThatThrownBy(() -> ring.verify(forged))
                    .isInstanceOf(VerificationException.class)
                    .satisfies(e -> assertThat(((VerificationException) e).failure()).isEqualTo(Failure.BAD_SIGNATURE))
                    .hasMessageContaining("does not verify under key " + signer.keyId());
        }
    }

    @Test
    void headsSignedBeforeAKeyRotationStillVerifyWithTheKeyRing() throws VerificationException {
        TreeHeadSigner before = new TreeHeadSigner(SigningKey.generate(), NOW);
        SignedTreeHead oldHead = before.sign(new TreeHead(7, hex("ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c")));
        TreeHeadSigner after = new TreeHeadSigner(SigningKey.generate(), NOW);
        SignedTreeHead newHead = after.sign(HEAD_OF_8);

        PublicKeyRing ring = PublicKeyRing.of(before.publicKey()).plus(after.publicKey());
        ring.verify(oldHead);
        ring.verify(newHead);

        assertThat(oldHead.keyId()).isNotEqualTo(newHead.keyId());
        assertThat(ring.keyIds()).containsExactly(before.keyId(), after.keyId());
    }

    @Test
    void aHeadSignedByAKeyOutsideTheRingIsAnUnknownKey() {
        TreeHeadSigner retiredAndForgotten = new TreeHeadSigner(SigningKey.generate(), NOW);
        SignedTreeHead head = retiredAndForgotten.sign(HEAD_OF_8);
        PublicKeyRing ring = PublicKeyRing.of(SigningKey.generate().publicKey());

        assertThatThrownBy(() -> ring.verify(head))
                .isInstanceOf(VerificationException.class)
                .hasMessage("UNKNOWN_KEY: tree head of size 8 is signed by key " + head.keyId()
                        + ", which is not among the 1 trusted keys");
        assertThatThrownBy(() -> LedgerVerifier.verifyTreeHeadSignature(List.of(SigningKey.generate().publicKey()),
                head.keyId(), 8, head.timestampMillis(), head.rootHash(), head.signature()))
                .hasMessage("UNKNOWN_KEY: no trusted key has key id " + head.keyId());
    }

    @Test
    void aHeadNamingAnotherTrustedKeyThanItsSignerFails() {
        TreeHeadSigner signer = new TreeHeadSigner(SigningKey.generate(), NOW);
        SigningKey other = SigningKey.generate();
        SignedTreeHead genuine = signer.sign(HEAD_OF_8);
        SignedTreeHead relabelled = new SignedTreeHead(8, genuine.timestampMillis(), genuine.rootHash(),
                genuine.signature(), other.keyId());

        assertThatThrownBy(() -> PublicKeyRing.of(signer.publicKey(), other.publicKey()).verify(relabelled))
                .isInstanceOf(VerificationException.class)
                .hasMessageStartingWith("BAD_SIGNATURE");
    }

    @Test
    void theTimestampIsTheClocksTime() {
        Clock later = Clock.fixed(Instant.parse("2026-11-21T10:15:30.123Z"), ZoneOffset.UTC);

        SignedTreeHead head = new TreeHeadSigner(SigningKey.generate(), later).sign(HEAD_OF_8);

        assertThat(head.timestampMillis()).isEqualTo(Instant.parse("2026-11-21T10:15:30.123Z").toEpochMilli());
    }

    @Test
    void theKeyRingTrustsOnlyEd25519Keys() throws Exception {
        KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();

        assertThatThrownBy(() -> PublicKeyRing.of(ec.getPublic()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tree heads are signed with Ed25519, not EC");
    }

    @Test
    void onlyEd25519KeysCanSign() throws Exception {
        KeyPair ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();

        assertThatThrownBy(() -> SigningKey.of(ed448))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be an Ed25519 key");
    }

    @Test
    void aPrivateKeyPairedWithAnotherKeysPublicHalfIsRefusedBeforeItSignsAnything() throws Exception {
        KeyPairGenerator ed25519 = KeyPairGenerator.getInstance("Ed25519");
        KeyPair one = ed25519.generateKeyPair();
        KeyPair other = ed25519.generateKeyPair();

        assertThatThrownBy(() -> new TreeHeadSigner(SigningKey.of(new KeyPair(other.getPublic(), one.getPrivate())), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not belong together");
    }
}
