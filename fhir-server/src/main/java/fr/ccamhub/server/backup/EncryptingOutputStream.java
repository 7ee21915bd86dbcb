package fr.ccamhub.server.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/** Writes the encrypted envelope ({@link ArchiveEncryption}) around whatever is written to it; close seals the last chunk. */
final class EncryptingOutputStream extends OutputStream {

	private final OutputStream out;
	private final ArchiveEncryption encryption;
	private final byte[] buffer = new byte[ArchiveEncryption.CHUNK_SIZE];
	private int buffered;
	private long index;
	private boolean closed;

	EncryptingOutputStream(OutputStream out, BackupKey key) throws IOException {
		this.out = out;
		byte[] salt = new byte[ArchiveEncryption.SALT_SIZE];
		new SecureRandom().nextBytes(salt);
		this.encryption = ArchiveEncryption.forWriting(key, salt);
		out.write(encryption.header());
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] {(byte) b}, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		while (length > 0) {
			if (buffered == buffer.length) {
				// A full chunk is sealed only once more bytes come, so the last chunk is always flagged last.
				seal(false);
			}
			int taken = Math.min(length, buffer.length - buffered);
			System.arraycopy(bytes, offset, buffer, buffered, taken);
			buffered += taken;
			offset += taken;
			length -= taken;
		}
	}

	@Override
	public void close() throws IOException {
		if (closed) {
			return;
		}
		closed = true;
		try {
			seal(true);
		} finally {
			out.close();
		}
	}

	private void seal(boolean last) throws IOException {
		try {
			out.write(ArchiveEncryption.chunkPrefix(buffered, last));
			out.write(encryption.seal(index++, last, buffer, buffered));
			buffered = 0;
		} catch (GeneralSecurityException e) {
			throw new IOException("AES-256-GCM encryption failed", e);
		}
	}
}
