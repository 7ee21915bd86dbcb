package fr.ccamhub.server.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/**
 * Run in its own JVM by {@link OrphanPostmasterTest}: starts the embedded PostgreSQL on the given
 * data directory, then dies abruptly (as with kill -9), leaving that PostgreSQL running.
 */
public final class CrashingServerProcess {

	private CrashingServerProcess() {}

	public static void main(String[] args) throws Exception {
		EmbeddedPostgres.builder()
				.setDataDirectory(Path.of(args[0]))
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.start();
		Runtime.getRuntime().halt(0);
	}
}
