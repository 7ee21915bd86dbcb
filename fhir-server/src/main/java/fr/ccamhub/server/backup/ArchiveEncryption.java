package fr.ccamhub.server.backup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encrypted envelope of a backup: a header {@code magic || salt || key check}, then chunks of at most
 * {@link #CHUNK_SIZE} bytes, each sealed with AES-256-GCM. The archive key is derived from the backup key and
 * the random salt (HKDF-SHA256), so no two archives share a key; each chunk's nonce is its index and whether it
 * is the last one, and its additional data is the header, so chunks cannot be reordered, dropped, cut off at the
 * end or moved between archives without failing authentication. The key check (an HMAC of the header under a
 * second derived key) tells a wrong key apart from an altered archive before anything is decrypted.
 */
final class ArchiveEncryption {

	static final byte[] MAGIC = "CCAMHUB-BACKUP-1".getBytes(StandardCharsets.US_ASCII);
	static final int SALT_SIZE = 32;
	static final int KEY_CHECK_SIZE = 32;
	static final int HEADER_SIZE = MAGIC.length + SALT_SIZE + KEY_CHECK_SIZE;
	static final int CHUNK_SIZE = 1 << 20;
	static final int TAG_SIZE = 16;
	/** Per chunk, before the ciphertext: plaintext length (4 bytes) and last-chunk flag (1 byte). */
	static final int CHUNK_PREFIX_SIZE = 5;

	private final SecretKeySpec encryptionKey;
	private final byte[] header;

	private ArchiveEncryption(byte[] encryptionKey, byte[] header) {
		this.encryptionKey = new SecretKeySpec(encryptionKey, "AES");
		this.header = header;
	}

	/** For a new archive: derives its keys from a fresh salt. */
	static ArchiveEncryption forWriting(BackupKey key, byte[] salt) {
		byte[] prk = hmac(salt, key.bytes());
		byte[] start = concat(MAGIC, salt);
		byte[] header = concat(start, hmac(expand(prk, "key check"), start));
		return new ArchiveEncryption(expand(prk, "encryption"), header);
	}

	/** For an existing archive: checks the header and that the key is the one it was made with. */
	static ArchiveEncryption forReading(BackupKey key, byte[] header) throws BackupException {
		if (header.length != HEADER_SIZE || !Arrays.equals(MAGIC, Arrays.copyOf(header, MAGIC.length))) {
			throw new DamagedBackupException("Not a ccamhub backup archive (no " + new String(MAGIC, StandardCharsets.US_ASCII)
					+ " header)");
		}
		byte[] salt = Arrays.copyOfRange(header, MAGIC.length, MAGIC.length + SALT_SIZE);
		ArchiveEncryption expected = forWriting(key, salt);
		if (!MessageDigest.isEqual(expected.header, header)) {
			throw new WrongBackupKeyException("Wrong backup key: this archive was made with another " + BackupKey.ENVIRONMENT_VARIABLE
					+ "; nothing was restored");
		}
		return expected;
	}

	byte[] header() {
		return header.clone();
	}

	byte[] seal(long index, boolean last, byte[] plaintext, int length) throws GeneralSecurityException {
		Cipher cipher = cipher(Cipher.ENCRYPT_MODE, index, last, length);
		return cipher.doFinal(plaintext, 0, length);
	}

	byte[] open(long index, boolean last, byte[] ciphertext, int plaintextLength) throws GeneralSecurityException {
		Cipher cipher = cipher(Cipher.DECRYPT_MODE, index, last, plaintextLength);
		return cipher.doFinal(ciphertext);
	}

	private Cipher cipher(int mode, long index, boolean last, int plaintextLength) throws GeneralSecurityException {
		byte[] nonce = ByteBuffer.allocate(12).putLong(index).put(new byte[3]).put((byte) (last ? 1 : 0)).array();
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, encryptionKey, new GCMParameterSpec(TAG_SIZE * 8, nonce));
		cipher.updateAAD(header);
		cipher.updateAAD(chunkPrefix(plaintextLength, last));
		return cipher;
	}

	static byte[] chunkPrefix(int plaintextLength, boolean last) {
		return ByteBuffer.allocate(CHUNK_PREFIX_SIZE).putInt(plaintextLength).put((byte) (last ? 1 : 0)).array();
	}

	/** HKDF-Expand (RFC 5869) for one 32-byte block. */
	private static byte[] expand(byte[] prk, String info) {
		return hmac(prk, concat(("ccamhub backup v1 " + info).getBytes(StandardCharsets.US_ASCII), new byte[] {1}));
	}

	private static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
		}
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] joined = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, joined, a.length, b.length);
		return joined;
	}
}
