package fr.ccamhub.server.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.List;

/**
 * What a backup holds ({@code manifest.json}, the archive's last entry): when it was taken, from which PostgreSQL,
 * the WAL range that makes the copy consistent, the newest signed ledger head it contains, and every part with
 * its size and SHA-256.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupManifest(
		int format,
		String createdAt,
		String ccamhubVersion,
		Postgres postgres,
		LedgerHead ledgerHead,
		long backupMillis,
		List<Part> parts) {

	/** Name of the manifest entry in the archive. */
	public static final String ENTRY = "manifest.json";

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	/** The server the copy comes from and the WAL between the backup's start and stop. */
	public record Postgres(String version, int versionNum, String startLsn, String stopLsn, String startWalFile,
			String stopWalFile) {}

	/** The newest signed tree head when the copy was taken; the restored log holds it. Root in base64. */
	public record LedgerHead(long treeSize, long timestampMillis, String rootHash, String keyId) {}

	/** One file of the archive: its entry name, size and lower-case hex SHA-256. */
	public record Part(String name, long size, String sha256) {}

	/** The manifest of an archive, checking the key and every chunk up to it but extracting nothing. */
	public static BackupManifest read(java.io.InputStream archive, BackupKey key) throws IOException {
		return BackupArchiveReader.manifest(archive, key);
	}

	byte[] toJson() throws IOException {
		return JSON.writeValueAsBytes(this);
	}

	static BackupManifest fromJson(byte[] json) throws DamagedBackupException {
		try {
			return JSON.readValue(json, BackupManifest.class);
		} catch (IOException e) {
			throw new DamagedBackupException("The archive's " + ENTRY + " is unreadable: " + e.getMessage(), e);
		}
	}

	/** Total size of the parts, in bytes. */
	public long totalSize() {
		return parts.stream().mapToLong(Part::size).sum();
	}
}
