package fr.ccamhub.server.backup;

import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/** The 256-bit key that encrypts backups, given base64-encoded in {@code CCAMHUB_BACKUP_KEY}. */
public final class BackupKey {

	/** Environment variable holding the key. */
	public static final String ENVIRONMENT_VARIABLE = "CCAMHUB_BACKUP_KEY";

	private final byte[] bytes;

	private BackupKey(byte[] bytes) {
		this.bytes = bytes;
	}

	/** The key from {@value #ENVIRONMENT_VARIABLE}, or a message saying how to make one. */
	public static BackupKey fromEnvironment(Map<String, String> environment) throws BackupException {
		String value = environment.get(ENVIRONMENT_VARIABLE);
		if (value == null || value.isBlank()) {
			throw new BackupException(ENVIRONMENT_VARIABLE + " is not set: give the backup key as 32 random bytes in base64 "
					+ "(openssl rand -base64 32), and keep it apart from the backups");
		}
		return parse(value.trim());
	}

	/** A key from its base64 form; it must decode to exactly 32 bytes. */
	public static BackupKey parse(String base64) throws BackupException {
		byte[] decoded;
		try {
			decoded = Base64.getDecoder().decode(base64);
		} catch (IllegalArgumentException e) {
			throw new BackupException(ENVIRONMENT_VARIABLE + " is not base64: " + e.getMessage());
		}
		if (decoded.length != 32) {
			throw new BackupException(ENVIRONMENT_VARIABLE + " must decode to 32 bytes (AES-256), not " + decoded.length
					+ " (openssl rand -base64 32)");
		}
		return new BackupKey(decoded);
	}

	byte[] bytes() {
		return bytes.clone();
	}

	@Override
	public String toString() {
		return "BackupKey[hidden]";
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof BackupKey key && Arrays.equals(bytes, key.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(bytes);
	}
}
