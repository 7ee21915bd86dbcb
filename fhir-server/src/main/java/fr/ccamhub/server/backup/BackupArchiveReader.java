package fr.ccamhub.server.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a backup archive into a folder, checking on the way that every part is the one the manifest names (size and
 * SHA-256), that none is missing or added, and that no entry points outside the folder.
 */
final class BackupArchiveReader {

	private BackupArchiveReader() {}

	/** Decrypts and unpacks {@code archive} into the empty folder {@code into}; returns the manifest. */
	static BackupManifest extract(InputStream archive, BackupKey key, Path into) throws IOException {
		Map<String, BackupManifest.Part> seen = new HashMap<>();
		BackupManifest manifest = null;
		try (ZipInputStream zip = new ZipInputStream(new DecryptingInputStream(archive, key))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				if (manifest != null) {
					throw new DamagedBackupException("The archive has entries after its manifest: it was altered");
				}
				String name = entry.getName();
				if (name.equals(BackupManifest.ENTRY)) {
					manifest = BackupManifest.fromJson(zip.readAllBytes());
					continue;
				}
				Path target = inside(into, name);
				if (entry.isDirectory()) {
					Files.createDirectories(target);
					continue;
				}
				Files.createDirectories(target.getParent());
				MessageDigest sha256 = BackupArchiveWriter.sha256();
				long size;
				try (OutputStream out = Files.newOutputStream(target)) {
					size = zip.transferTo(new DigestOutputStream(out, sha256));
				}
				if (seen.put(name, new BackupManifest.Part(name, size, HexFormat.of().formatHex(sha256.digest()))) != null) {
					throw new DamagedBackupException("The archive holds " + name + " twice: it was altered");
				}
			}
		} catch (ZipException e) {
			throw new DamagedBackupException("The archive's content is not a valid backup: " + e.getMessage(), e);
		}
		if (manifest == null) {
			throw new DamagedBackupException("The archive has no " + BackupManifest.ENTRY + ": it is incomplete");
		}
		check(manifest, seen);
		return manifest;
	}

	/** Decrypts the archive only as far as its manifest (the last entry), extracting nothing. */
	static BackupManifest manifest(InputStream archive, BackupKey key) throws IOException {
		try (ZipInputStream zip = new ZipInputStream(new DecryptingInputStream(archive, key))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				if (entry.getName().equals(BackupManifest.ENTRY)) {
					ByteArrayOutputStream json = new ByteArrayOutputStream();
					zip.transferTo(json);
					return BackupManifest.fromJson(json.toByteArray());
				}
			}
		}
		throw new DamagedBackupException("The archive has no " + BackupManifest.ENTRY + ": it is incomplete");
	}

	private static void check(BackupManifest manifest, Map<String, BackupManifest.Part> seen) throws DamagedBackupException {
		for (BackupManifest.Part expected : manifest.parts()) {
			BackupManifest.Part found = seen.remove(expected.name());
			if (found == null) {
				throw new DamagedBackupException("The archive lacks " + expected.name() + ", which its manifest lists");
			}
			if (!found.equals(expected)) {
				throw new DamagedBackupException(expected.name() + " does not match the manifest (size " + found.size()
						+ " for " + expected.size() + ", or another SHA-256)");
			}
		}
		if (!seen.isEmpty()) {
			throw new DamagedBackupException("The archive holds parts its manifest does not list: " + seen.keySet());
		}
	}

	private static Path inside(Path folder, String name) throws DamagedBackupException {
		Path target = folder.resolve(name).normalize();
		if (name.startsWith("/") || name.contains("\\") || !target.startsWith(folder.normalize()) || target.equals(folder.normalize())) {
			throw new DamagedBackupException("The archive holds an entry outside its folder: " + name);
		}
		return target;
	}
}
