package fr.ccamhub.ledger.head;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ed25519 public keys to and from PEM ("-----BEGIN PUBLIC KEY-----", X.509 SubjectPublicKeyInfo, RFC 7468). */
public final class PemPublicKeys {

    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";
    private static final Pattern BLOCK = Pattern.compile(Pattern.quote(BEGIN) + "([A-Za-z0-9+/=\\s]*)" + Pattern.quote(END));

    private PemPublicKeys() {
    }

    /** The key as one PEM block: base64 lines of 64 characters, "\n" line ends. */
    public static String toPem(PublicKey publicKey) {
        if (!"X.509".equals(publicKey.getFormat())) {
            throw new IllegalArgumentException("public key has no X.509 encoding: " + publicKey.getFormat());
        }
        String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(publicKey.getEncoded());
        return BEGIN + "\n" + base64 + "\n" + END + "\n";
    }

    /** The Ed25519 key of the single PEM block in {@code pem}. */
    public static PublicKey fromPem(String pem) {
        List<PublicKey> keys = readAll(pem);
        if (keys.size() != 1) {
            throw new IllegalArgumentException("expected one PEM public key, found " + keys.size());
        }
        return keys.get(0);
    }

    /** Every Ed25519 key in {@code pem}, in order: for a file of published (current and retired) keys. */
    public static List<PublicKey> readAll(String pem) {
        List<PublicKey> keys = new ArrayList<>();
        Matcher block = BLOCK.matcher(pem);
        while (block.find()) {
            keys.add(decode(block.group(1)));
        }
        return keys;
    }

    private static PublicKey decode(String base64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64);
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("PEM block is not an Ed25519 public key: " + e.getMessage(), e);
        }
    }
}
