package fr.ccamhub.ledger.head;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Names a signing key: the lower-case hex SHA-256 of its X.509 SubjectPublicKeyInfo (DER) encoding. */
public final class KeyIds {

    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{64}");

    private KeyIds() {
    }

    /** The key id of {@code publicKey}. */
    public static String of(PublicKey publicKey) {
        if (!"X.509".equals(publicKey.getFormat())) {
            throw new IllegalArgumentException("public key has no X.509 encoding: " + publicKey.getFormat());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }

    /** Whether {@code keyId} has the shape of a key id (64 lower-case hex digits). */
    public static boolean isWellFormed(String keyId) {
        return KEY_ID.matcher(keyId).matches();
    }
}
