package fr.ccamhub.server;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The built server jar in a process of its own, for tests that kill it (SIGKILL) and start it again on its data. */
final class ServerProcess {

	private ServerProcess() {}

	/**
	 * Starts {@code target/fhir-server-*.jar} (1 GB heap) with its data in {@code dataDirectory}, its output in
	 * {@code target/<logName>.log}, and waits until {@code readyPath} answers 200 and MLLP accepts connections.
	 */
	static Process start(Path dataDirectory, int httpPort, int mllpPort, String logName, String readyPath,
			String... settings) throws IOException {
		Path jar;
		try (var files = Files.list(Path.of("target"))) {
			jar = files.filter(p -> p.getFileName().toString().matches("fhir-server-[^-]*-SNAPSHOT\\.jar|fhir-server-[0-9.]+\\.jar"))
					.findFirst().orElseThrow(() -> new IllegalStateException("run 'mvn verify': the server jar is built before integration tests"));
		}
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar", jar.toString(),
				"--server.port=" + httpPort,
				"--ccamhub.hl7.mllp.port=" + mllpPort,
				"--ccamhub.data-directory=" + dataDirectory,
				"--ccamhub.terminology.ccam.load-on-startup=false"));
		command.addAll(List.of(settings));
		String log = "target/" + logName + ".log";
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File(log)).start();
		HttpClient http = HttpClient.newHttpClient();
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
			if (!process.isAlive()) {
				throw new IllegalStateException("server exited, see " + log);
			}
			return answers(http, httpPort, readyPath) && mllpAccepts(mllpPort);
		});
		return process;
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static boolean answers(HttpClient http, int port, String path) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		} catch (IOException e) {
			return false;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static boolean mllpAccepts(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			return true;
		} catch (IOException e) {
			return false;
		}
	}
}
