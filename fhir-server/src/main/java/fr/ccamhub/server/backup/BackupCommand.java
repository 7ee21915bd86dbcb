package fr.ccamhub.server.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;

/**
 * {@code backup}: while the server runs, copies its embedded PostgreSQL (consistently, see {@link OnlinePostgresBackup})
 * and the ledger keystore into one encrypted archive with a manifest. The archive appears under its name only once
 * complete.
 */
public final class BackupCommand {

	/** Archive entry of the ledger signing keystore. */
	static final String KEY_STORE_ENTRY = "ledger/key-store.p12";

	/** Where the cluster and the keystore are, and where the archive goes. */
	public record Options(Path postgresDirectory, Path keyStore, Path archive) {

		/** The default layout under a data directory ({@code ccamhub.data-directory}). */
		public static Options under(Path dataDirectory, Path archive) {
			return new Options(dataDirectory.resolve("postgres"), dataDirectory.resolve("ledger/tree-head-keys.p12"), archive);
		}
	}

	private final PrintStream out;

	public BackupCommand(PrintStream out) {
		this.out = out;
	}

	public BackupManifest run(Options options, BackupKey key) throws IOException {
		long start = System.nanoTime();
		if (Files.exists(options.archive())) {
			throw new BackupException(options.archive() + " already exists: choose another name, backups are never overwritten");
		}
		if (!Files.isRegularFile(options.keyStore())) {
			throw new BackupException("The ledger keystore " + options.keyStore().toAbsolutePath() + " does not exist "
					+ "(ccamhub.ledger.signing.key-store): without it no restored head can be re-signed");
		}
		RunningPostmaster postmaster = RunningPostmaster.of(options.postgresDirectory());
		Path parent = options.archive().toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path partial = Files.createTempFile(parent, options.archive().getFileName().toString(), ".partial");
		try {
			BackupManifest manifest;
			try (OutputStream file = Files.newOutputStream(partial);
					BackupArchiveWriter archive = new BackupArchiveWriter(new java.io.BufferedOutputStream(file, 1 << 16), key);
					Connection connection = DriverManager.getConnection(postmaster.jdbcUrl())) {
				OnlinePostgresBackup.LedgerHeadReader ledger = new OnlinePostgresBackup.LedgerHeadReader();
				BackupManifest.Postgres postgres = OnlinePostgresBackup.copy(connection, options.postgresDirectory(), archive, ledger);
				try (InputStream keyStore = Files.newInputStream(options.keyStore())) {
					archive.add(KEY_STORE_ENTRY, keyStore);
				}
				long millis = (System.nanoTime() - start) / 1_000_000;
				manifest = archive.finish(parts -> new BackupManifest(1, Instant.now().toString(), version(), postgres,
						ledger.head(), millis, parts));
			}
			Files.move(partial, options.archive(), StandardCopyOption.ATOMIC_MOVE);
			out.printf("Backup written to %s: %d parts, %d bytes before compression, %d bytes encrypted, PostgreSQL %s, "
							+ "WAL %s to %s, ledger tree size %s, in %d ms%n",
					options.archive(), manifest.parts().size(), manifest.totalSize(), Files.size(options.archive()),
					manifest.postgres().version(), manifest.postgres().startLsn(), manifest.postgres().stopLsn(),
					manifest.ledgerHead() == null ? "none" : manifest.ledgerHead().treeSize(), (System.nanoTime() - start) / 1_000_000);
			return manifest;
		} catch (SQLException e) {
			throw new BackupException("PostgreSQL refused the backup: " + e.getMessage(), e);
		} finally {
			Files.deleteIfExists(partial);
		}
	}

	static String version() {
		String version = BackupCommand.class.getPackage().getImplementationVersion();
		return version == null ? "development" : version;
	}
}
