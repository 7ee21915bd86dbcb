package fr.ccamhub.server.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The PostgreSQL serving a data directory, found from its {@code postmaster.pid}: the embedded server picks a free
 * port at each start, and this is where PostgreSQL writes which one (line 4).
 */
record RunningPostmaster(long pid, int port) {

	static RunningPostmaster of(Path dataDirectory) throws BackupException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			throw new BackupException("No PostgreSQL is running on " + dataDirectory.toAbsolutePath()
					+ " (no postmaster.pid): start the server first, the backup is taken while it runs");
		}
		try {
			List<String> lines = Files.readAllLines(pidFile);
			long pid = Long.parseLong(lines.get(0).trim());
			if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == Boolean.FALSE) {
				throw new BackupException("The PostgreSQL recorded in " + pidFile + " (pid " + pid + ") is not running: start the server");
			}
			return new RunningPostmaster(pid, Integer.parseInt(lines.get(3).trim()));
		} catch (IOException | RuntimeException e) {
			throw new BackupException("Cannot read " + pidFile + ": " + e.getMessage(), e);
		}
	}

	/** The embedded server's superuser over loopback (trust authentication, as the embedded set-up creates it). */
	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres&ApplicationName=ccamhub-backup";
	}
}
