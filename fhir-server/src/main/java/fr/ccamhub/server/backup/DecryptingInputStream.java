package fr.ccamhub.server.backup;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

/**
 * Reads back what {@link EncryptingOutputStream} wrote. A wrong key fails on construction; an altered, reordered or
 * truncated chunk fails the read that reaches it, before any of its bytes are returned.
 */
final class DecryptingInputStream extends InputStream {

	private final DataInputStream in;
	private final ArchiveEncryption encryption;
	private byte[] chunk = new byte[0];
	private int position;
	private long index;
	private boolean sawLast;

	DecryptingInputStream(InputStream in, BackupKey key) throws IOException {
		this.in = new DataInputStream(in);
		byte[] header = new byte[ArchiveEncryption.HEADER_SIZE];
		try {
			this.in.readFully(header);
		} catch (EOFException e) {
			throw new DamagedBackupException("Not a ccamhub backup archive: shorter than its header");
		}
		this.encryption = ArchiveEncryption.forReading(key, header);
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] bytes, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		while (position == chunk.length) {
			if (sawLast) {
				return -1;
			}
			nextChunk();
		}
		int given = Math.min(length, chunk.length - position);
		System.arraycopy(chunk, position, bytes, offset, given);
		position += given;
		return given;
	}

	private void nextChunk() throws IOException {
		byte[] prefix = new byte[ArchiveEncryption.CHUNK_PREFIX_SIZE];
		try {
			in.readFully(prefix);
		} catch (EOFException e) {
			throw new DamagedBackupException("The archive is truncated: it ends after chunk " + index + " without its last chunk");
		}
		ByteBuffer fields = ByteBuffer.wrap(prefix);
		int length = fields.getInt();
		byte flag = fields.get();
		if (length < 0 || length > ArchiveEncryption.CHUNK_SIZE || (flag != 0 && flag != 1)) {
			throw new DamagedBackupException("The archive is damaged at chunk " + index + " (impossible length or flag)");
		}
		byte[] ciphertext = new byte[length + ArchiveEncryption.TAG_SIZE];
		try {
			in.readFully(ciphertext);
		} catch (EOFException e) {
			throw new DamagedBackupException("The archive is truncated inside chunk " + index);
		}
		boolean last = flag == 1;
		try {
			chunk = encryption.open(index, last, ciphertext, length);
		} catch (GeneralSecurityException e) {
			throw new DamagedBackupException("The archive was altered or damaged: chunk " + index
					+ " fails AES-GCM authentication; nothing was restored", e);
		}
		index++;
		position = 0;
		if (last) {
			sawLast = true;
			if (in.read() != -1) {
				throw new DamagedBackupException("The archive has bytes after its last chunk: it was altered");
			}
		}
	}

	@Override
	public void close() throws IOException {
		in.close();
	}
}
