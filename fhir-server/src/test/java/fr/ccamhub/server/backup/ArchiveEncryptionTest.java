package fr.ccamhub.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ArchiveEncryptionTest {

	private static final BackupKey KEY = key(1);
	private static final int CHUNK = ArchiveEncryption.CHUNK_SIZE;

	@Test
	void roundTripsAnyLengthIncludingEmptyAndExactChunkMultiples() throws IOException {
		for (int length : new int[] {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 2 * CHUNK + 7}) {
			byte[] plain = random(length);
			assertThat(decrypt(encrypt(plain, KEY), KEY)).as("length " + length).isEqualTo(plain);
		}
	}

	@Test
	void theSameContentEncryptsDifferentlyEachTime() throws IOException {
		byte[] plain = random(100);
		assertThat(encrypt(plain, KEY)).isNotEqualTo(encrypt(plain, KEY));
	}

	@Test
	void aWrongKeyIsToldApartBeforeAnythingIsDecrypted() throws IOException {
		byte[] sealed = encrypt(random(10), KEY);
		assertThatThrownBy(() -> decrypt(sealed, key(2)))
				.isInstanceOf(WrongBackupKeyException.class)
				.hasMessageContaining("Wrong backup key");
	}

	@Test
	void anyFlippedByteAfterTheHeaderFailsAuthentication() throws IOException {
		byte[] sealed = encrypt(random(CHUNK + 100), KEY);
		for (int offset : new int[] {ArchiveEncryption.HEADER_SIZE + 10, ArchiveEncryption.HEADER_SIZE + CHUNK, sealed.length - 1}) {
			byte[] tampered = sealed.clone();
			tampered[offset] ^= 1;
			assertThatThrownBy(() -> decrypt(tampered, KEY)).as("offset " + offset)
					.isInstanceOf(DamagedBackupException.class);
		}
	}

	@Test
	void aFlippedSaltOrMagicIsNotMistakenForAValidArchive() throws IOException {
		byte[] sealed = encrypt(random(10), KEY);
		byte[] salt = sealed.clone();
		salt[ArchiveEncryption.MAGIC.length] ^= 1;
		assertThatThrownBy(() -> decrypt(salt, KEY)).isInstanceOf(BackupException.class);
		byte[] magic = sealed.clone();
		magic[0] ^= 1;
		assertThatThrownBy(() -> decrypt(magic, KEY)).isInstanceOf(DamagedBackupException.class).hasMessageContaining("Not a ccamhub backup");
	}

	@Test
	void truncationAtAChunkBoundaryOrInsideAChunkIsDetected() throws IOException {
		byte[] sealed = encrypt(random(2 * CHUNK + 5), KEY);
		int firstChunkEnd = ArchiveEncryption.HEADER_SIZE + ArchiveEncryption.CHUNK_PREFIX_SIZE + CHUNK + ArchiveEncryption.TAG_SIZE;
		assertThatThrownBy(() -> decrypt(Arrays.copyOf(sealed, firstChunkEnd), KEY))
				.isInstanceOf(DamagedBackupException.class).hasMessageContaining("truncated");
		assertThatThrownBy(() -> decrypt(Arrays.copyOf(sealed, sealed.length - 3), KEY))
				.isInstanceOf(DamagedBackupException.class).hasMessageContaining("truncated");
	}

	@Test
	void aChunkCannotBeFlaggedLastToCutTheArchiveShort() throws IOException {
		byte[] sealed = encrypt(random(2 * CHUNK), KEY);
		int firstChunkEnd = ArchiveEncryption.HEADER_SIZE + ArchiveEncryption.CHUNK_PREFIX_SIZE + CHUNK + ArchiveEncryption.TAG_SIZE;
		byte[] cut = Arrays.copyOf(sealed, firstChunkEnd);
		cut[ArchiveEncryption.HEADER_SIZE + 4] = 1;
		assertThatThrownBy(() -> decrypt(cut, KEY)).isInstanceOf(DamagedBackupException.class).hasMessageContaining("authentication");
	}

	@Test
	void chunksCannotBeSwapped() throws IOException {
		byte[] sealed = encrypt(random(3 * CHUNK), KEY);
		int chunk = ArchiveEncryption.CHUNK_PREFIX_SIZE + CHUNK + ArchiveEncryption.TAG_SIZE;
		int first = ArchiveEncryption.HEADER_SIZE;
		byte[] swapped = sealed.clone();
		System.arraycopy(sealed, first + chunk, swapped, first, chunk);
		System.arraycopy(sealed, first, swapped, first + chunk, chunk);
		assertThatThrownBy(() -> decrypt(swapped, KEY)).isInstanceOf(DamagedBackupException.class);
	}

	@Test
	void bytesAppendedAfterTheLastChunkAreRefused() throws IOException {
		byte[] sealed = encrypt(random(10), KEY);
		byte[] longer = Arrays.copyOf(sealed, sealed.length + 1);
		assertThatThrownBy(() -> decrypt(longer, KEY)).isInstanceOf(DamagedBackupException.class).hasMessageContaining("after its last chunk");
	}

	@Test
	void keysMustBe32BytesOfBase64() {
		assertThatThrownBy(() -> BackupKey.parse(Base64.getEncoder().encodeToString(new byte[16])))
				.hasMessageContaining("32 bytes");
		assertThatThrownBy(() -> BackupKey.parse("not base64!")).hasMessageContaining("not base64");
		assertThatThrownBy(() -> BackupKey.fromEnvironment(java.util.Map.of())).hasMessageContaining("CCAMHUB_BACKUP_KEY is not set");
		assertThat(KEY.toString()).doesNotContain(Base64.getEncoder().encodeToString(KEY.bytes()));
	}

	static BackupKey key(int seed) {
		byte[] bytes = new byte[32];
		Arrays.fill(bytes, (byte) seed);
		try {
			return BackupKey.parse(Base64.getEncoder().encodeToString(bytes));
		} catch (BackupException e) {
			throw new AssertionError(e);
		}
	}

	static byte[] encrypt(byte[] plain, BackupKey key) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (EncryptingOutputStream encrypting = new EncryptingOutputStream(out, key)) {
			// Odd write sizes, to cross chunk boundaries mid-write.
			for (int offset = 0; offset < plain.length; offset += 70_001) {
				encrypting.write(plain, offset, Math.min(70_001, plain.length - offset));
			}
		}
		return out.toByteArray();
	}

	private static byte[] decrypt(byte[] sealed, BackupKey key) throws IOException {
		try (DecryptingInputStream in = new DecryptingInputStream(new ByteArrayInputStream(sealed), key)) {
			return in.readAllBytes();
		}
	}

	private static byte[] random(int length) {
		byte[] bytes = new byte[length];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}
}
