package fr.ccamhub.ledger.head;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A minimal self-signed X.509 v1 certificate for an Ed25519 key pair (RFC 5280, RFC 8410), DER-encoded by hand.
 *
 * <p>A PKCS#12 key entry needs a certificate beside its private key, and the JDK has no public API to make one. Nothing
 * relies on the certificate's contents: tree heads name their key by key id, not by certificate.
 */
final class SelfSignedCertificate {

    // AlgorithmIdentifier { id-Ed25519 (1.3.101.112) }, no parameters (RFC 8410 §3).
    private static final byte[] ED25519_ALGORITHM = {0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70};
    // id-at-commonName (2.5.4.3).
    private static final byte[] COMMON_NAME_OID = {0x06, 0x03, 0x55, 0x04, 0x03};
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SelfSignedCertificate() {
    }

    static X509Certificate create(KeyPair keyPair, String commonName, Instant notBefore, Instant notAfter) {
        byte[] name = sequence(set(sequence(COMMON_NAME_OID, tlv(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
        byte[] tbsCertificate = sequence(
                tlv(0x02, new BigInteger(127, RANDOM).setBit(0).toByteArray()),
                ED25519_ALGORITHM,
                name,
                sequence(time(notBefore), time(notAfter)),
                name,
                keyPair.getPublic().getEncoded());
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(keyPair.getPrivate());
            ed25519.update(tbsCertificate);
            byte[] signature = ed25519.sign();
            byte[] bitString = new byte[signature.length + 1];
            System.arraycopy(signature, 0, bitString, 1, signature.length);
            byte[] certificate = sequence(tbsCertificate, ED25519_ALGORITHM, tlv(0x03, bitString));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not build a self-signed Ed25519 certificate", e);
        }
    }

    /** UTCTime up to 2049, GeneralizedTime after, as RFC 5280 §4.1.2.5 requires. */
    private static byte[] time(Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        if (utc.getYear() >= 1950 && utc.getYear() < 2050) {
            return tlv(0x17, UTC_TIME.format(utc).getBytes(StandardCharsets.US_ASCII));
        }
        return tlv(0x18, GENERALIZED_TIME.format(utc).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sequence(byte[]... contents) {
        return tlv(0x30, contents);
    }

    private static byte[] set(byte[]... contents) {
        return tlv(0x31, contents);
    }

    /** DER tag-length-value with a definite length in the shortest form. */
    private static byte[] tlv(int tag, byte[]... contents) {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        for (byte[] content : contents) {
            value.writeBytes(content);
        }
        int length = value.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else {
            int lengthBytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | lengthBytes);
            for (int shift = (lengthBytes - 1) * 8; shift >= 0; shift -= 8) {
                out.write(length >>> shift);
            }
        }
        out.writeBytes(value.toByteArray());
        return out.toByteArray();
    }
}
