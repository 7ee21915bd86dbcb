package fr.ccamhub.server.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a backup archive: a ZIP stream (deflated) inside the encrypted envelope, one entry per part, each part's
 * size and SHA-256 recorded as it streams, and the manifest as the last entry.
 */
final class BackupArchiveWriter implements AutoCloseable {

	private final ZipOutputStream zip;
	private final List<BackupManifest.Part> parts = new ArrayList<>();
	private boolean finished;

	BackupArchiveWriter(OutputStream out, BackupKey key) throws IOException {
		this.zip = new ZipOutputStream(new EncryptingOutputStream(out, key));
		this.zip.setLevel(Deflater.BEST_SPEED);
	}

	/** An empty directory entry, so that the restore recreates it (PostgreSQL needs some empty ones). */
	void addDirectory(String name) throws IOException {
		zip.putNextEntry(new ZipEntry(name.endsWith("/") ? name : name + "/"));
		zip.closeEntry();
	}

	/** A part read from a stream up to its end; returns its size. */
	long add(String name, InputStream content) throws IOException {
		if (name.equals(BackupManifest.ENTRY) || name.endsWith("/")) {
			throw new IllegalArgumentException("Reserved entry name " + name);
		}
		MessageDigest sha256 = sha256();
		zip.putNextEntry(new ZipEntry(name));
		long size = content.transferTo(new DigestOutputStream(nonClosing(zip), sha256));
		zip.closeEntry();
		parts.add(new BackupManifest.Part(name, size, HexFormat.of().formatHex(sha256.digest())));
		return size;
	}

	/** Writes the manifest, built from the parts written, and seals the archive. */
	BackupManifest finish(Function<List<BackupManifest.Part>, BackupManifest> manifest) throws IOException {
		BackupManifest written = manifest.apply(List.copyOf(parts));
		zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
		zip.write(written.toJson());
		zip.closeEntry();
		zip.finish();
		zip.close();
		finished = true;
		return written;
	}

	@Override
	public void close() throws IOException {
		if (!finished) {
			zip.close();
		}
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	private static OutputStream nonClosing(OutputStream out) {
		return new OutputStream() {
			@Override
			public void write(int b) throws IOException {
				out.write(b);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				out.write(bytes, offset, length);
			}
		};
	}
}
