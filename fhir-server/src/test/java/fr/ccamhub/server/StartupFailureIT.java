package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up is all or nothing: a server that cannot start exits at once, says why in one line, serves nothing. */
class StartupFailureIT {

	/** Seconds on an idle machine; generous for a loaded CI runner. */
	private static final Duration EXIT_WITHIN = Duration.ofSeconds(45);

	@TempDir
	Path dataDirectory;

	@Test
	void anMllpPortAlreadyTakenExitsNonZeroNamingTheKeyWithoutEverServingHttp() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			int httpPort = freePort();
			Process server = startServer("--server.port=" + httpPort, "--ccamhub.hl7.mllp.port=" + taken.getLocalPort());
			boolean servedHttp = false;
			long deadline = System.nanoTime() + EXIT_WITHIN.toNanos();
			try {
				while (server.isAlive() && System.nanoTime() < deadline) {
					servedHttp |= answers(httpPort);
					server.waitFor(200, TimeUnit.MILLISECONDS);
				}
				assertThat(server.isAlive()).as("the JVM exited within " + EXIT_WITHIN).isFalse();
			} finally {
				server.destroyForcibly().waitFor();
			}
			String stderr = Files.readString(dataDirectory.resolve("stderr.txt"), StandardCharsets.UTF_8);
			assertThat(server.exitValue()).isEqualTo(1);
			assertThat(stderr.lines().filter(line -> line.startsWith("ccamhub did not start:")).toList())
					.singleElement().satisfies(line -> assertThat(line)
							.contains("Cannot listen for HL7 v2 on 127.0.0.1:" + taken.getLocalPort())
							.contains("ccamhub.hl7.mllp.port"));
			assertThat(servedHttp).as("HTTP answered before the failure").isFalse();
		}
	}

	@Test
	void anUnreachableDatabaseExitsNonZeroNamingTheDatasourceKeys() throws Exception {
		int closedPort = freePort();
		Process server = startServer("--server.port=" + freePort(),
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closedPort + "/ccamhub",
				"--spring.datasource.username=ccamhub", "--spring.datasource.password=x",
				"--spring.datasource.hikari.initialization-fail-timeout=1");
		try {
			assertThat(server.waitFor(EXIT_WITHIN.toSeconds(), TimeUnit.SECONDS)).as("the JVM exited within " + EXIT_WITHIN).isTrue();
		} finally {
			server.destroyForcibly().waitFor();
		}
		String stderr = Files.readString(dataDirectory.resolve("stderr.txt"), StandardCharsets.UTF_8);
		assertThat(server.exitValue()).isEqualTo(1);
		assertThat(stderr).contains("ccamhub did not start: The database is unreachable at 127.0.0.1:" + closedPort)
				.contains("spring.datasource.url");
	}

	@Test
	void aLedgerKeystoreThatDoesNotOpenExitsNonZeroNamingThePasswordKey() throws Exception {
		Path keystore = dataDirectory.resolve("not-a-keystore.p12");
		Files.writeString(keystore, "this is not PKCS#12");
		Process server = startServer("--server.port=" + freePort(), "--ccamhub.hl7.mllp.port=" + freePort(),
				"--ccamhub.ledger.signing.key-store=" + keystore);
		try {
			assertThat(server.waitFor(EXIT_WITHIN.toSeconds(), TimeUnit.SECONDS)).as("the JVM exited within " + EXIT_WITHIN).isTrue();
		} finally {
			server.destroyForcibly().waitFor();
		}
		assertThat(server.exitValue()).isEqualTo(1);
		assertThat(Files.readString(dataDirectory.resolve("stderr.txt"), StandardCharsets.UTF_8))
				.contains("ccamhub did not start: The ledger keystore " + keystore)
				.contains("ccamhub.ledger.signing.key-store-password");
	}

	@Test
	void aListenerThatFailsToBindInsideTheServerLeavesNoThreadRunningAndNeverServedHttp() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			int httpPort = freePort();
			// The start-up runs in a thread group of its own: every thread it starts, directly or through its pools, is
			// in that group, while threads that other servers of this test JVM start meanwhile are not.
			ThreadGroup startUp = new ThreadGroup("failing-start-up");
			AtomicReference<Throwable> failure = new AtomicReference<>();
			Thread starter = new Thread(startUp, () -> {
				try {
					StandaloneServer.start(dataDirectory.resolve("in-process"), taken.getLocalPort(), "--server.port=" + httpPort);
				} catch (Throwable e) {
					failure.set(e);
				}
			}, "failing-start-up-main");
			starter.start();
			starter.join(Duration.ofMinutes(3).toMillis());

			assertThat(failure.get())
					.hasRootCauseInstanceOf(java.net.BindException.class)
					.satisfies(e -> assertThat(StartupFailure.describe(e))
							.startsWith("Cannot listen for HL7 v2 on 127.0.0.1:" + taken.getLocalPort())
							.contains("set ccamhub.hl7.mllp.port to a free port"));
			assertThat(answers(httpPort)).isFalse();
			await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(liveThreads(startUp))
					.filteredOn(thread -> !thread.isDaemon() && thread != starter)
					.extracting(Thread::getName)
					.isEmpty());
		}
	}

	private static List<Thread> liveThreads(ThreadGroup group) {
		Thread[] threads = new Thread[group.activeCount() + 16];
		int count = group.enumerate(threads, true);
		return List.of(java.util.Arrays.copyOf(threads, count));
	}

	private Process startServer(String... settings) throws IOException {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx1g",
				"-cp", System.getProperty("java.class.path"),
				CcamhubApplication.class.getName(),
				"--ccamhub.data-directory=" + dataDirectory,
				"--ccamhub.terminology.ccam.load-on-startup=false",
				"--logging.level.root=WARN"));
		command.addAll(List.of(settings));
		return new ProcessBuilder(command)
				.redirectError(new File(dataDirectory.toFile(), "stderr.txt"))
				.redirectOutput(new File(dataDirectory.toFile(), "stdout.txt"))
				.start();
	}

	private static boolean answers(int port) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			return true;
		} catch (IOException e) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
