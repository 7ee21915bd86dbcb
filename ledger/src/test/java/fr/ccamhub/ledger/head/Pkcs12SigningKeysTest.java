package fr.ccamhub.ledger.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.ccamhub.ledger.merkle.MerkleHashing;
import fr.ccamhub.ledger.merkle.TreeHead;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pkcs12SigningKeysTest {

    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aGeneratedKeyIsLoadedBackUnderItsAlias() {
        Path keyStore = dir.resolve("sth.p12");

        SigningKey generated = Pkcs12SigningKeys.generate(keyStore, PASSWORD, "sth-2026", CLOCK);
        SigningKey loaded = Pkcs12SigningKeys.load(keyStore, PASSWORD, "sth-2026");

        assertThat(loaded.keyId()).isEqualTo(generated.keyId());
        assertThat(loaded.privateKey().getEncoded()).isEqualTo(generated.privateKey().getEncoded());
    }

    @Test
    void theKeyEntryCarriesASelfSignedCertificateOfItsOwnKey() throws Exception {
        Path keyStore = dir.resolve("sth.p12");
        SigningKey key = Pkcs12SigningKeys.generate(keyStore, PASSWORD, "sth-2026", CLOCK);

        KeyStore pkcs12 = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            pkcs12.load(in, PASSWORD);
        }
        X509Certificate certificate = (X509Certificate) pkcs12.getCertificate("sth-2026");

        assertThatCode(() -> certificate.verify(key.publicKey())).doesNotThrowAnyException();
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=ccamhub ledger tree head key sth-2026");
        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(certificate.getNotAfter().toInstant()).isAfter(Instant.parse("2046-01-01T00:00:00Z"));
    }

    @Test
    void theKeyStoreFileIsReadableByItsOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file permissions");
        Path keyStore = dir.resolve("sth.p12");
        Pkcs12SigningKeys.generate(keyStore, PASSWORD, "sth-2026", CLOCK);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyStore))).isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(keyStore);
        }
    }

    @Test
    void aWrongPasswordIsReportedAsSuch() {
        Path keyStore = dir.resolve("sth.p12");
        Pkcs12SigningKeys.generate(keyStore, PASSWORD, "sth-2026", CLOCK);

        assertThatThrownBy(() -> Pkcs12SigningKeys.load(keyStore, "guess".toCharArray(), "sth-2026"))
                .isInstanceOf(SigningKeyStoreException.class)
                .hasMessage("wrong password for keystore " + keyStore);
    }

    @Test
    void anUnknownAliasListsTheAliasesThatExist() {
        Path keyStore = dir.resolve("sth.p12");
        Pkcs12SigningKeys.generate(keyStore, PASSWORD, "sth-2026", CLOCK);

        assertThatThrownBy(() -> Pkcs12SigningKeys.load(keyStore, PASSWORD, "sth-2027"))
                .isInstanceOf(SigningKeyStoreException.class)
                .hasMessage("keystore " + keyStore + " has no key under alias 'sth-2027' (aliases: [sth-2026])");
    }

    @Test
    void aMissingKeyStoreIsReportedAsSuch() {
        Path keyStore = dir.resolve("absent.p12");

        assertThatThrownBy(() -> Pkcs12SigningKeys.load(keyStore, PASSWORD, "sth"))
                .isInstanceOf(SigningKeyStoreException.class)
                .hasMessage("keystore " + keyStore + " does not exist");
    }

    @Test
    void anExistingSigningKeyIsNeverOverwritten() {
        Path keyStore = dir.resolve("sth.p12");
        SigningKey original = Pkcs12SigningKeys.generate(keyStore, PASSWORD, "sth-2026", CLOCK);

        assertThatThrownBy(() -> Pkcs12SigningKeys.generate(keyStore, PASSWORD, "sth-2026", CLOCK))
                .isInstanceOf(SigningKeyStoreException.class)
                .hasMessageContaining("already has alias 'sth-2026'");
        assertThat(Pkcs12SigningKeys.load(keyStore, PASSWORD, "sth-2026").keyId()).isEqualTo(original.keyId());
    }

    @Test
    void rotatingToANewAliasKeepsTheOldKeyForVerifyingOldHeads() throws Exception {
        Path keyStore = dir.resolve("sth.p12");
        SigningKey first = Pkcs12SigningKeys.generate(keyStore, PASSWORD, "sth-2026", CLOCK);
        SignedTreeHead oldHead = new TreeHeadSigner(first, CLOCK).sign(TreeHead.empty());

        SigningKey second = Pkcs12SigningKeys.generate(keyStore, PASSWORD, "sth-2027", CLOCK);
        SignedTreeHead newHead = new TreeHeadSigner(second, CLOCK)
                .sign(new TreeHead(1, MerkleHashing.leafHash(new byte[0])));
        PublicKeyRing ring = PublicKeyRing.of(Pkcs12SigningKeys.publicKeys(keyStore, PASSWORD));

        assertThat(ring.keyIds()).containsExactlyInAnyOrder(first.keyId(), second.keyId());
        ring.verify(oldHead);
        ring.verify(newHead);
    }

    @Test
    void loadOrGenerateCreatesTheKeyOnceAndThenLoadsIt() {
        Path keyStore = dir.resolve("dev/sth.p12");

        SigningKey created = Pkcs12SigningKeys.loadOrGenerate(keyStore, PASSWORD, "dev", CLOCK);
        SigningKey again = Pkcs12SigningKeys.loadOrGenerate(keyStore, PASSWORD, "dev", CLOCK);

        assertThat(again.keyId()).isEqualTo(created.keyId());
    }

    @Test
    void loadsAKeyStoreMadeWithTheJdkKeytool() throws Exception {
        Path keyStore = dir.resolve("keytool.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keyalg", "Ed25519",
                "-alias", "ops-2026", "-dname", "CN=ccamhub tree heads", "-validity", "3650",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", new String(PASSWORD))
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();

        SigningKey key = Pkcs12SigningKeys.load(keyStore, PASSWORD, "ops-2026");
        SignedTreeHead head = new TreeHeadSigner(key, CLOCK).sign(TreeHead.empty());

        PublicKeyRing.of(Pkcs12SigningKeys.publicKeys(keyStore, PASSWORD)).verify(head);
    }
}
