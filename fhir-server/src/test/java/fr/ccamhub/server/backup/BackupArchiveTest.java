package fr.ccamhub.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupArchiveTest {

	private static final BackupKey KEY = ArchiveEncryptionTest.key(7);

	@TempDir
	Path folder;

	@Test
	void extractsEveryPartAndEmptyFoldersAndReturnsTheManifestWithSizesAndHashes() throws IOException {
		byte[] archive = archive(parts -> manifest(parts));
		BackupManifest manifest = BackupArchiveReader.extract(new ByteArrayInputStream(archive), KEY, folder);
		assertThat(Files.readString(folder.resolve("postgres/base/1/42"))).isEqualTo("table");
		assertThat(Files.isDirectory(folder.resolve("postgres/pg_wal/archive_status"))).isTrue();
		assertThat(manifest.parts()).containsExactly(
				new BackupManifest.Part("postgres/base/1/42", 5, sha256("table")),
				new BackupManifest.Part("ledger/key-store.p12", 3, sha256("key")));
		assertThat(manifest.ledgerHead().treeSize()).isEqualTo(12);
		assertThat(BackupArchiveReader.manifest(new ByteArrayInputStream(archive), KEY)).isEqualTo(manifest);
	}

	@Test
	void aPartThatDoesNotMatchItsManifestLineIsRefused() throws IOException {
		byte[] archive = archive(parts -> manifest(List.of(new BackupManifest.Part("postgres/base/1/42", 5, sha256("TABLE")), parts.get(1))));
		assertThatThrownBy(() -> BackupArchiveReader.extract(new ByteArrayInputStream(archive), KEY, folder))
				.isInstanceOf(DamagedBackupException.class).hasMessageContaining("postgres/base/1/42 does not match the manifest");
	}

	@Test
	void aPartMissingFromTheArchiveOrUnlistedIsRefused() throws IOException {
		byte[] missing = archive(parts -> manifest(List.of(parts.get(0), parts.get(1), new BackupManifest.Part("extra", 1, sha256("x")))));
		assertThatThrownBy(() -> BackupArchiveReader.extract(new ByteArrayInputStream(missing), KEY, folder))
				.hasMessageContaining("lacks extra");
		byte[] unlisted = archive(parts -> manifest(List.of(parts.get(0))));
		assertThatThrownBy(() -> BackupArchiveReader.extract(new ByteArrayInputStream(unlisted), KEY, folder.resolve("b")))
				.hasMessageContaining("does not list");
	}

	@Test
	void anEntryPointingOutsideTheFolderIsRefused() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(new EncryptingOutputStream(out, KEY))) {
			zip.putNextEntry(new ZipEntry("../escaped"));
			zip.write(1);
			zip.closeEntry();
		}
		assertThatThrownBy(() -> BackupArchiveReader.extract(new ByteArrayInputStream(out.toByteArray()), KEY, folder.resolve("in")))
				.isInstanceOf(DamagedBackupException.class).hasMessageContaining("outside its folder");
		assertThat(folder.resolve("escaped")).doesNotExist();
	}

	@Test
	void anArchiveWithoutManifestIsIncomplete() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (BackupArchiveWriter writer = new BackupArchiveWriter(out, KEY)) {
			writer.add("a", new ByteArrayInputStream(new byte[1]));
		}
		assertThatThrownBy(() -> BackupArchiveReader.extract(new ByteArrayInputStream(out.toByteArray()), KEY, folder))
				.hasMessageContaining("no manifest.json");
	}

	private static byte[] archive(Function<List<BackupManifest.Part>, BackupManifest> manifest) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (BackupArchiveWriter writer = new BackupArchiveWriter(out, KEY)) {
			writer.addDirectory("postgres/pg_wal/archive_status");
			writer.add("postgres/base/1/42", new ByteArrayInputStream("table".getBytes(StandardCharsets.UTF_8)));
			writer.add("ledger/key-store.p12", new ByteArrayInputStream("key".getBytes(StandardCharsets.UTF_8)));
			writer.finish(manifest);
		}
		return out.toByteArray();
	}

	private static BackupManifest manifest(List<BackupManifest.Part> parts) {
		return new BackupManifest(1, "2026-12-03T10:00:00Z", "test", new BackupManifest.Postgres("17.6", 170006, "0/1000028",
				"0/2000100", "000000010000000000000001", "000000010000000000000002"),
				new BackupManifest.LedgerHead(12, 1_700_000_000_000L, "cm9vdA==", "abc"), 5, parts);
	}

	private static String sha256(String text) {
		return java.util.HexFormat.of().formatHex(BackupArchiveWriter.sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
	}
}
