package fr.ccamhub.ledger.head;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Tree head signing keys in a PKCS#12 keystore: one Ed25519 key entry per alias, each with a self-signed certificate.
 *
 * <p>Key rotation: {@link #generate} a key under a new alias in the same keystore, point the signer's configured alias
 * at it, and keep the old entries: {@link #publicKeys} returns every key in the keystore for the {@link PublicKeyRing},
 * so heads signed by retired keys still verify. Private keys are protected by the keystore password.
 */
public final class Pkcs12SigningKeys {

    private static final String TYPE = "PKCS12";
    private static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(20 * 365);

    private Pkcs12SigningKeys() {
    }

    /** The signing key stored under {@code alias}. */
    public static SigningKey load(Path keyStorePath, char[] password, String alias) {
        KeyStore keyStore = read(keyStorePath, password);
        try {
            Key key = keyStore.getKey(alias, password);
            if (key == null) {
                throw new SigningKeyStoreException("keystore " + keyStorePath + " has no key under alias '" + alias
                        + "' (aliases: " + Collections.list(keyStore.aliases()) + ")");
            }
            if (!(key instanceof PrivateKey privateKey)) {
                throw new SigningKeyStoreException("alias '" + alias + "' in " + keyStorePath + " holds a "
                        + key.getAlgorithm() + " secret key, not an Ed25519 private key");
            }
            Certificate certificate = keyStore.getCertificate(alias);
            return SigningKey.of(new KeyPair(certificate.getPublicKey(), privateKey));
        } catch (UnrecoverableKeyException e) {
            throw new SigningKeyStoreException("key '" + alias + "' in " + keyStorePath + " cannot be unlocked with the keystore password", e);
        } catch (IllegalArgumentException e) {
            throw new SigningKeyStoreException("key '" + alias + "' in " + keyStorePath + " is not usable: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new SigningKeyStoreException("cannot read key '" + alias + "' from " + keyStorePath, e);
        }
    }

    /** The Ed25519 public key of every certificate in the keystore: current and retired signing keys. */
    public static List<PublicKey> publicKeys(Path keyStorePath, char[] password) {
        KeyStore keyStore = read(keyStorePath, password);
        try {
            List<PublicKey> keys = new ArrayList<>();
            for (String alias : Collections.list(keyStore.aliases())) {
                Certificate certificate = keyStore.getCertificate(alias);
                if (certificate != null && certificate.getPublicKey() instanceof EdECPublicKey key
                        && NamedParameterSpec.ED25519.getName().equals(key.getParams().getName())) {
                    keys.add(key);
                }
            }
            return keys;
        } catch (GeneralSecurityException e) {
            throw new SigningKeyStoreException("cannot list the keys of " + keyStorePath, e);
        }
    }

    /**
     * Generates a new Ed25519 key under {@code alias} and saves it, creating the keystore if it does not exist.
     *
     * @throws SigningKeyStoreException if {@code alias} is already taken: a signing key is never overwritten
     */
    public static SigningKey generate(Path keyStorePath, char[] password, String alias, Clock clock) {
        KeyStore keyStore = Files.exists(keyStorePath) ? read(keyStorePath, password) : empty();
        try {
            if (keyStore.containsAlias(alias)) {
                throw new SigningKeyStoreException("keystore " + keyStorePath + " already has alias '" + alias
                        + "': choose a new alias to rotate keys, old keys are kept to verify old heads");
            }
            KeyPair keyPair = SigningKey.newEd25519KeyPair();
            Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Certificate certificate = SelfSignedCertificate.create(keyPair, "ccamhub ledger tree head key " + alias,
                    notBefore, notBefore.plus(CERTIFICATE_VALIDITY));
            keyStore.setKeyEntry(alias, keyPair.getPrivate(), password, new Certificate[] {certificate});
        } catch (GeneralSecurityException e) {
            throw new SigningKeyStoreException("cannot add key '" + alias + "' to " + keyStorePath, e);
        }
        write(keyStore, keyStorePath, password);
        return load(keyStorePath, password, alias);
    }

    /**
     * The key under {@code alias}, generated first if the keystore or the alias does not exist yet. For development
     * only: in production a missing key must stop start-up rather than silently start a new identity.
     */
    public static SigningKey loadOrGenerate(Path keyStorePath, char[] password, String alias, Clock clock) {
        if (Files.exists(keyStorePath)) {
            try {
                if (read(keyStorePath, password).containsAlias(alias)) {
                    return load(keyStorePath, password, alias);
                }
            } catch (GeneralSecurityException e) {
                throw new SigningKeyStoreException("cannot read " + keyStorePath, e);
            }
        }
        return generate(keyStorePath, password, alias, clock);
    }

    private static KeyStore read(Path keyStorePath, char[] password) {
        if (!Files.isRegularFile(keyStorePath)) {
            throw new SigningKeyStoreException("keystore " + keyStorePath + " does not exist");
        }
        try (InputStream in = Files.newInputStream(keyStorePath)) {
            KeyStore keyStore = KeyStore.getInstance(TYPE);
            keyStore.load(in, password);
            return keyStore;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new SigningKeyStoreException("wrong password for keystore " + keyStorePath, e);
            }
            throw new SigningKeyStoreException("keystore " + keyStorePath + " cannot be read as PKCS#12: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new SigningKeyStoreException("keystore " + keyStorePath + " cannot be read as PKCS#12", e);
        }
    }

    private static KeyStore empty() {
        try {
            KeyStore keyStore = KeyStore.getInstance(TYPE);
            keyStore.load(null, null);
            return keyStore;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform must provide PKCS12 keystores", e);
        }
    }

    /** Writes beside the target, then renames, so a crash never leaves a half-written keystore. */
    private static void write(KeyStore keyStore, Path keyStorePath, char[] password) {
        Path absolute = keyStorePath.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            Path temporary = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
            try {
                restrictToOwner(temporary);
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    keyStore.store(out, password);
                }
                try {
                    Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new SigningKeyStoreException("cannot write keystore " + keyStorePath, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the file inherits the directory's access rules.
        }
    }
}
