package fr.ccamhub.ledger.head;

import java.security.InvalidAlgorithmParameterException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECKey;
import java.security.spec.NamedParameterSpec;

/** An Ed25519 key pair that signs tree heads, with its key id. */
public final class SigningKey {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = requireEd25519(privateKey, "private key");
        this.publicKey = requireEd25519(publicKey, "public key");
        this.keyId = KeyIds.of(publicKey);
    }

    /** Wraps an Ed25519 key pair. The caller vouches that the two keys belong together. */
    public static SigningKey of(KeyPair keyPair) {
        return new SigningKey(keyPair.getPrivate(), keyPair.getPublic());
    }

    /** A fresh random Ed25519 key pair, kept only in memory. */
    public static SigningKey generate() {
        return of(newEd25519KeyPair());
    }

    static KeyPair newEd25519KeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("This JDK has no Ed25519 (Java 15+ has)", e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyId;
    }

    private static <K extends Key> K requireEd25519(K key, String what) {
        if (!(key instanceof EdECKey edKey) || !NamedParameterSpec.ED25519.getName().equals(edKey.getParams().getName())) {
            throw new IllegalArgumentException(what + " must be an Ed25519 key, got "
                    + (key == null ? "none" : key.getAlgorithm()));
        }
        return key;
    }

    @Override
    public String toString() {
        return "SigningKey[Ed25519, keyId=" + keyId + "]";
    }
}
