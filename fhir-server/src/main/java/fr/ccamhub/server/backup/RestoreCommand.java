package fr.ccamhub.server.backup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * {@code restore}: decrypts a backup into a staging folder beside the target, checks every part against the manifest,
 * starts PostgreSQL (the embedded binaries) on the copy so that it replays its WAL, checks that the ledger holds the
 * head recorded at backup time, and only then moves the cluster and the keystore into place, and asks the next server
 * start to rebuild the search index. Any failure leaves the target as it was.
 */
public final class RestoreCommand {

	/** Where the cluster and the keystore go, and the archive to read. */
	public record Options(Path archive, Path dataDirectory, Path postgresDirectory, Path keyStore) {

		/** The default layout under a data directory ({@code ccamhub.data-directory}). */
		public static Options under(Path archive, Path dataDirectory) {
			return new Options(archive, dataDirectory, dataDirectory.resolve("postgres"),
					dataDirectory.resolve("ledger/tree-head-keys.p12"));
		}
	}

	/** What the restored database holds, counted once PostgreSQL has replayed the copy. */
	public record Restored(BackupManifest manifest, long resources, long hl7Messages, long ledgerTreeSize, long ledgerOutbox,
			long millis) {}

	private final PrintStream out;

	public RestoreCommand(PrintStream out) {
		this.out = out;
	}

	public Restored run(Options options, BackupKey key) throws IOException {
		long start = System.nanoTime();
		requireFresh(options);
		Files.createDirectories(options.dataDirectory());
		Path staging = options.dataDirectory().resolve(".restore-" + UUID.randomUUID());
		Files.createDirectory(staging);
		try {
			BackupManifest manifest;
			try (InputStream archive = new BufferedInputStream(Files.newInputStream(options.archive()), 1 << 16)) {
				manifest = BackupArchiveReader.extract(archive, key, staging);
			}
			Path cluster = staging.resolve("postgres");
			if (!Files.isRegularFile(cluster.resolve("backup_label")) || !Files.isRegularFile(staging.resolve(BackupCommand.KEY_STORE_ENTRY))) {
				throw new DamagedBackupException("The archive lacks the PostgreSQL copy or the ledger keystore");
			}
			restrictPermissions(cluster);
			Restored restored = replay(cluster, manifest, start);
			Files.createDirectories(options.postgresDirectory().toAbsolutePath().getParent());
			Files.deleteIfExists(options.postgresDirectory());
			Files.move(cluster, options.postgresDirectory(), StandardCopyOption.ATOMIC_MOVE);
			Files.createDirectories(options.keyStore().toAbsolutePath().getParent());
			Files.move(staging.resolve(BackupCommand.KEY_STORE_ENTRY), options.keyStore());
			Files.setPosixFilePermissions(options.keyStore(), PosixFilePermissions.fromString("rw-------"));
			SearchIndexRebuild.request(options.dataDirectory(), manifest);
			long millis = (System.nanoTime() - start) / 1_000_000;
			out.printf("Restored %s into %s: %d resources, %d HL7 messages, ledger tree size %d and %d entries waiting in the outbox "
							+ "(signed head %s at backup), in %d ms. The next server start rebuilds the search index.%n",
					options.archive(), options.dataDirectory(), restored.resources(), restored.hl7Messages(), restored.ledgerTreeSize(),
					restored.ledgerOutbox(), manifest.ledgerHead() == null ? "none" : manifest.ledgerHead().treeSize(), millis);
			return new Restored(manifest, restored.resources(), restored.hl7Messages(), restored.ledgerTreeSize(), restored.ledgerOutbox(),
					millis);
		} finally {
			deleteRecursively(staging);
		}
	}

	private static void requireFresh(Options options) throws BackupException {
		if (!Files.isRegularFile(options.archive())) {
			throw new BackupException("No archive at " + options.archive().toAbsolutePath());
		}
		try {
			if (Files.exists(options.postgresDirectory())) {
				try (Stream<Path> content = Files.list(options.postgresDirectory())) {
					if (content.findAny().isPresent()) {
						throw new BackupException(options.postgresDirectory().toAbsolutePath() + " is not empty: restore into a fresh "
								+ "data directory (a restore never overwrites a database)");
					}
				}
			}
		} catch (IOException e) {
			throw new BackupException("Cannot read " + options.postgresDirectory() + ": " + e.getMessage(), e);
		}
		if (Files.exists(options.keyStore())) {
			throw new BackupException(options.keyStore().toAbsolutePath() + " already exists: restore into a fresh data directory");
		}
	}

	/** Starts PostgreSQL on the copy (WAL replay up to the backup's end), checks the ledger and counts what is there. */
	private static Restored replay(Path cluster, BackupManifest manifest, long start) throws BackupException {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(cluster)
				.setCleanDataDirectory(false)
				.setPGStartupWait(Duration.ofMinutes(10))
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.start()) {
			DataSource database = postgres.getPostgresDatabase();
			try (Connection connection = database.getConnection()) {
				long resources = count(connection, "SELECT count(*) FROM hfj_resource WHERE res_deleted_at IS NULL");
				long hl7 = exists(connection, "ccamhub_hl7_message") ? count(connection, "SELECT count(*) FROM ccamhub_hl7_message") : 0;
				long treeSize = exists(connection, "ccamhub_ledger_size") ? count(connection, "SELECT tree_size FROM ccamhub_ledger_size") : 0;
				// Entries committed with their resources while the copy ran, sequenced by the server once it starts.
				long outbox = exists(connection, "ccamhub_ledger_outbox") ? count(connection, "SELECT count(*) FROM ccamhub_ledger_outbox") : 0;
				BackupManifest.LedgerHead head = manifest.ledgerHead();
				if (head != null) {
					try (PreparedStatement select = connection.prepareStatement("SELECT root_hash FROM ccamhub_ledger_head WHERE tree_size = ?")) {
						select.setLong(1, head.treeSize());
						try (ResultSet row = select.executeQuery()) {
							if (!row.next() || !Base64.getEncoder().encodeToString(row.getBytes(1)).equals(head.rootHash())) {
								throw new DamagedBackupException("The restored ledger does not hold the head signed at backup time (size "
										+ head.treeSize() + "): the copy is not consistent");
							}
						}
					}
				}
				return new Restored(manifest, resources, hl7, treeSize, outbox, (System.nanoTime() - start) / 1_000_000);
			}
		} catch (SQLException | IOException | RuntimeException e) {
			if (e instanceof BackupException backup) {
				throw backup;
			}
			throw new BackupException("PostgreSQL could not open the restored copy: " + e.getMessage(), e);
		}
	}

	private static long count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getLong(1);
		}
	}

	private static boolean exists(Connection connection, String table) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
			statement.setString(1, table);
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return row.getBoolean(1);
			}
		}
	}

	/** PostgreSQL refuses a data directory others can read. */
	private static void restrictPermissions(Path cluster) throws IOException {
		try (Stream<Path> walk = Files.walk(cluster)) {
			for (Path path : walk.toList()) {
				Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
			}
		}
	}

	private static void deleteRecursively(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(folder)) {
			for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}
}
