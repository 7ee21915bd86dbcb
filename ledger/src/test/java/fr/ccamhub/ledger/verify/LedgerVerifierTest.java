package fr.ccamhub.ledger.verify;

import static fr.ccamhub.ledger.Rfc6962TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ccamhub.ledger.Rfc6962TestVectors;
import fr.ccamhub.ledger.Rfc6962TestVectors.Consistency;
import fr.ccamhub.ledger.Rfc6962TestVectors.Inclusion;
import fr.ccamhub.ledger.verify.LedgerVerifier.Failure;
import fr.ccamhub.ledger.verify.LedgerVerifier.VerificationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LedgerVerifierTest {

    private static final List<byte[]> ROOTS = Rfc6962TestVectors.ROOTS;

    private static byte[] leaf(long index) {
        return LedgerVerifier.leafHash(Rfc6962TestVectors.LEAF_INPUTS.get((int) index));
    }

    static Stream<Inclusion> inclusionProofs() {
        return Rfc6962TestVectors.INCLUSION_PROOFS.stream();
    }

    static Stream<Consistency> consistencyProofs() {
        return Rfc6962TestVectors.CONSISTENCY_PROOFS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inclusionProofs")
    void acceptsThePublishedInclusionProof(Inclusion proof) {
        assertThatCode(() -> LedgerVerifier.verifyInclusion(proof.leafIndex(), proof.treeSize(), leaf(proof.leafIndex()),
                proof.path(), ROOTS.get((int) proof.treeSize()))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inclusionProofs")
    void refusesThePublishedInclusionProofForADoubledOrHalvedTreeSize(Inclusion proof) {
        byte[] root = ROOTS.get((int) proof.treeSize());
        byte[] leaf = leaf(proof.leafIndex());

        assertFails(() -> LedgerVerifier.verifyInclusion(proof.leafIndex(), proof.treeSize() * 2, leaf, proof.path(), root));
        assertFails(() -> LedgerVerifier.verifyInclusion(proof.leafIndex(), proof.treeSize() / 2, leaf, proof.path(), root));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistencyProofs")
    void acceptsThePublishedConsistencyProof(Consistency proof) {
        assertThatCode(() -> LedgerVerifier.verifyConsistency(proof.fromSize(), ROOTS.get((int) proof.fromSize()),
                proof.toSize(), ROOTS.get((int) proof.toSize()), proof.path())).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistencyProofs")
    void refusesThePublishedConsistencyProofWithSwappedRoots(Consistency proof) {
        byte[] oldRoot = ROOTS.get((int) proof.fromSize());
        byte[] newRoot = ROOTS.get((int) proof.toSize());
        if (proof.fromSize() == proof.toSize()) {
            newRoot = ROOTS.get(0);
        }
        byte[] swappedOld = newRoot;
        byte[] swappedNew = oldRoot;

        assertFails(() -> LedgerVerifier.verifyConsistency(proof.fromSize(), swappedOld, proof.toSize(), swappedNew, proof.path()));
    }

    @Test
    void leafIndexOutsideTheTreeIsReportedAsSuch() {
        assertThatThrownBy(() -> LedgerVerifier.verifyInclusion(8, 8, leaf(0), List.of(), ROOTS.get(8)))
                .isInstanceOf(VerificationException.class)
                .hasMessage("LEAF_INDEX_OUT_OF_RANGE: leaf index 8 is not in a tree of size 8")
                .satisfies(e -> assertThat(((VerificationException) e).failure()).isEqualTo(Failure.LEAF_INDEX_OUT_OF_RANGE));
    }

    @Test
    void auditPathOfTheWrongLengthSaysHowManyHashesWereNeeded() {
        Inclusion proof = Rfc6962TestVectors.INCLUSION_PROOFS.get(2);

        assertThatThrownBy(() -> LedgerVerifier.verifyInclusion(5, 8, leaf(5), proof.path().subList(0, 2), ROOTS.get(8)))
                .isInstanceOf(VerificationException.class)
                .hasMessage("WRONG_PATH_LENGTH: audit path has 2 hashes, leaf 5 of a tree of size 8 needs 3");
    }

    @Test
    void inclusionInAnotherTreeIsReportedAsARootMismatch() {
        Inclusion proof = Rfc6962TestVectors.INCLUSION_PROOFS.get(2);

        assertThatThrownBy(() -> LedgerVerifier.verifyInclusion(5, 8, leaf(5), proof.path(), ROOTS.get(7)))
                .isInstanceOf(VerificationException.class)
                .hasMessageStartingWith("ROOT_MISMATCH: leaf 5 with this audit path gives root 5dc9da79")
                .hasMessageEndingWith("the tree head of size 8 has ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c");
    }

    @Test
    void hashesOfTheWrongLengthAreMalformedInput() {
        List<byte[]> path = new ArrayList<>(Rfc6962TestVectors.INCLUSION_PROOFS.get(2).path());
        path.set(1, new byte[31]);

        assertThatThrownBy(() -> LedgerVerifier.verifyInclusion(5, 8, leaf(5), path, ROOTS.get(8)))
                .hasMessage("MALFORMED_INPUT: audit path[1] must be 32 bytes, got 31");
        assertThatThrownBy(() -> LedgerVerifier.verifyConsistency(1, new byte[0], 2, ROOTS.get(2), List.of(leaf(1))))
                .hasMessage("MALFORMED_INPUT: first root must be 32 bytes, got 0");
    }

    @Test
    void aSecondTreeSmallerThanTheFirstIsRefused() {
        assertThatThrownBy(() -> LedgerVerifier.verifyConsistency(8, ROOTS.get(8), 7, ROOTS.get(7), List.of()))
                .hasMessage("SIZES_OUT_OF_ORDER: first tree size 8 is larger than second tree size 7");
    }

    @Test
    void aConsistencyProofFromTheEmptyTreeIsRefusedAsMeaningless() {
        assertThatThrownBy(() -> LedgerVerifier.verifyConsistency(0, ROOTS.get(0), 1, ROOTS.get(1), List.of()))
                .hasMessageContaining("MALFORMED_INPUT: every tree extends the empty tree");
    }

    @Test
    void equalSizesNeedAnEmptyPathAndTheSameRoot() throws VerificationException {
        LedgerVerifier.verifyConsistency(5, ROOTS.get(5), 5, ROOTS.get(5), List.of());
        LedgerVerifier.verifyConsistency(0, ROOTS.get(0), 0, ROOTS.get(0), List.of());

        assertThatThrownBy(() -> LedgerVerifier.verifyConsistency(5, ROOTS.get(5), 5, ROOTS.get(5), List.of(ROOTS.get(5))))
                .hasMessageStartingWith("WRONG_PATH_LENGTH: sizes are equal (5)");
        assertThatThrownBy(() -> LedgerVerifier.verifyConsistency(5, ROOTS.get(5), 5, ROOTS.get(6), List.of()))
                .hasMessageStartingWith("NEW_ROOT_MISMATCH: two tree heads of size 5 have different roots");
        assertThatThrownBy(() -> LedgerVerifier.verifyConsistency(0, ROOTS.get(1), 0, ROOTS.get(1), List.of()))
                .hasMessageStartingWith("OLD_ROOT_MISMATCH: a tree of size 0 must have the empty root");
    }

    @Test
    void consistencyFailuresSayWhichRootDidNotMatch() {
        Consistency proof = Rfc6962TestVectors.CONSISTENCY_PROOFS.get(2); // 6 -> 8

        assertThatThrownBy(() -> LedgerVerifier.verifyConsistency(6, ROOTS.get(5), 8, ROOTS.get(8), proof.path()))
                .hasMessageStartingWith("OLD_ROOT_MISMATCH: the proof rebuilds first root 76e67dad")
                .hasMessageContaining("for size 6, the first tree head has 4e3bbb1f");
        assertThatThrownBy(() -> LedgerVerifier.verifyConsistency(6, ROOTS.get(6), 8, ROOTS.get(7), proof.path()))
                .hasMessageStartingWith("NEW_ROOT_MISMATCH: the proof rebuilds second root 5dc9da79")
                .hasMessageContaining("for size 8, the second tree head has ddb89be4");
        assertThatThrownBy(() -> LedgerVerifier.verifyConsistency(6, ROOTS.get(6), 8, ROOTS.get(8), proof.path().subList(0, 2)))
                .hasMessage("WRONG_PATH_LENGTH: consistency path has 2 hashes, sizes 6 to 8 need 3");
    }

    @Test
    void readsAnOpenSslPemKeyAndNamesItBySha256OfItsEncoding() throws VerificationException {
        // RFC 8032 §7.1 test 1 public key, as `openssl pkey -pubout` prints it; its key id from `sha256sum` of the DER.
        PublicKey key = LedgerVerifier.publicKeyFromPem("""
                -----BEGIN PUBLIC KEY-----
                MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=
                -----END PUBLIC KEY-----
                """);

        assertThat(LedgerVerifier.keyId(key)).isEqualTo("06e3fd8fda29bb60ab59557de61edb0aecdb231134be30e75b455f8e1b792fa9");
    }

    @Test
    void somethingThatIsNotAnEd25519PemKeyIsMalformedInput() {
        assertThatThrownBy(() -> LedgerVerifier.publicKeyFromPem("hello"))
                .hasMessageStartingWith("MALFORMED_INPUT: no PEM public key block");
        assertThatThrownBy(() -> LedgerVerifier.publicKeyFromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
                .hasMessageStartingWith("MALFORMED_INPUT: not an Ed25519 public key in PEM");
    }

    @Test
    void aSignatureUnderAnotherKeyTypeIsMalformedInput() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        PublicKey ecKey = ec.generateKeyPair().getPublic();

        assertThatThrownBy(() -> LedgerVerifier.verifyTreeHeadSignature(ecKey, 1, 0, ROOTS.get(1), new byte[64]))
                .hasMessageStartingWith("MALFORMED_INPUT: not an Ed25519 public key");
    }

    @Test
    void verifierIsOneFileThatNeedsOnlyTheJdk() throws IOException {
        Path packageDir = Path.of("src/main/java/fr/ccamhub/ledger/verify");
        try (Stream<Path> files = Files.list(packageDir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("LedgerVerifier.java");
        }
        List<String> imports = Files.readAllLines(packageDir.resolve("LedgerVerifier.java")).stream()
                .filter(line -> line.startsWith("import "))
                .toList();

        assertThat(imports).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("import java."));
    }

    private static void assertFails(ThrowingCallable check) {
        assertThatThrownBy(check).isInstanceOf(VerificationException.class);
    }
}
