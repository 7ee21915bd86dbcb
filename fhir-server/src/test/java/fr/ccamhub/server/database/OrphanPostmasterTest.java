package fr.ccamhub.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrphanPostmasterTest {

	@TempDir
	Path dataDirectory;

	@Test
	void stopsAPostgresLeftRunningByADeadServerSoTheNextStartSucceeds() throws Exception {
		Process crashed = new ProcessBuilder(
						Path.of(System.getProperty("java.home"), "bin", "java").toString(),
						"-cp", System.getProperty("java.class.path"),
						CrashingServerProcess.class.getName(),
						dataDirectory.toString())
				.inheritIO()
				.start();
		assertThat(crashed.waitFor(60, TimeUnit.SECONDS)).isTrue();
		long orphanPid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
		assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

		OrphanPostmaster.stopIfRunning(dataDirectory, Duration.ofSeconds(30));

		assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
		try (EmbeddedPostgres restarted = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.start()) {
			assertThat(restarted.getPostgresDatabase().getConnection().isValid(5)).isTrue();
		}
	}

	@Test
	void leavesADataDirectoryWithoutARunningServerAlone() {
		OrphanPostmaster.stopIfRunning(dataDirectory, Duration.ofSeconds(1));
		assertThat(dataDirectory).isEmptyDirectory();
	}
}
