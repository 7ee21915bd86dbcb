package fr.ccamhub.server.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running by a previous server process that died without stopping it (kill -9,
 * power loss of the JVM only). Its {@code postmaster.pid} would make the new start fail, so it is
 * asked to shut down cleanly first; PostgreSQL's own crash recovery covers the rest.
 */
final class OrphanPostmaster {

	private static final Logger log = LoggerFactory.getLogger(OrphanPostmaster.class);

	private OrphanPostmaster() {}

	/** Stops the postmaster recorded in the data directory, if it is still a live postgres process. */
	static void stopIfRunning(Path dataDirectory, Duration timeout) {
		Optional<ProcessHandle> postmaster = recordedPostmaster(dataDirectory)
				.filter(ProcessHandle::isAlive)
				.filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
		if (postmaster.isEmpty()) {
			return;
		}
		ProcessHandle process = postmaster.get();
		log.warn("A PostgreSQL (pid {}) from an earlier run still holds {}: stopping it before starting a new one",
				process.pid(), dataDirectory);
		process.destroy();
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		} catch (TimeoutException e) {
			throw new IllegalStateException("PostgreSQL pid " + process.pid() + " did not stop within " + timeout
					+ "; stop it by hand (pg_ctl -D " + dataDirectory + " stop)", e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for PostgreSQL pid " + process.pid() + " to stop", e);
		} catch (ExecutionException e) {
			throw new IllegalStateException("Could not wait for PostgreSQL pid " + process.pid(), e);
		}
	}

	private static Optional<ProcessHandle> recordedPostmaster(Path dataDirectory) {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		try {
			List<String> lines = Files.readAllLines(pidFile);
			return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
		} catch (IOException | NumberFormatException e) {
			log.warn("Unreadable {}: leaving it to PostgreSQL ({})", pidFile, e.getMessage());
			return Optional.empty();
		}
	}
}
