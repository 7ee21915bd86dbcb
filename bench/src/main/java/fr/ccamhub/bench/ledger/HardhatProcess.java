package fr.ccamhub.bench.ledger;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A local Hardhat 2 node (chain id 31337, one block per transaction), started the way the ledger's tests start it:
 * {@code node node_modules/hardhat/internal/cli/cli.js node} in {@code ledger/evm}, which the ledger's Maven build
 * fills with {@code npm ci}. The node's log goes to a temporary file.
 */
final class HardhatProcess implements AutoCloseable {

	/** Hardhat's default account #0: a public test key, worthless on any real chain. */
	static final String ACCOUNT_0_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
	static final long CHAIN_ID = 31337;

	private static final Duration STARTUP = Duration.ofSeconds(60);

	private final Process process;
	private final String url;
	private final Path log;

	private HardhatProcess(Process process, String url, Path log) {
		this.process = process;
		this.url = url;
		this.log = log;
	}

	/** {@code given} if set, else ledger/evm seen from the repository root, the bench module or the ledger module. */
	static Path evmDirectory(String given) {
		List<Path> candidates = given == null ? List.of(Path.of("ledger/evm"), Path.of("../ledger/evm"), Path.of("evm"))
				: List.of(Path.of(given));
		for (Path candidate : candidates) {
			if (Files.isRegularFile(candidate.resolve("node_modules/hardhat/internal/cli/cli.js"))) {
				return candidate.toAbsolutePath().normalize();
			}
		}
		throw new IllegalStateException("Hardhat is not installed in " + candidates + ": build the ledger module "
				+ "(mvn -pl ledger install runs npm ci in ledger/evm) or pass --evm <dir>");
	}

	static HardhatProcess start(Path evmDirectory) throws IOException, InterruptedException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path log = Files.createTempFile("hardhat-node", ".log");
		Process process = new ProcessBuilder("node", "node_modules/hardhat/internal/cli/cli.js", "node",
				"--hostname", "127.0.0.1", "--port", String.valueOf(port))
				.directory(evmDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
		HardhatProcess node = new HardhatProcess(process, "http://127.0.0.1:" + port, log);
		try {
			node.awaitChainId();
		} catch (IOException | InterruptedException | RuntimeException e) {
			node.stop();
			throw e;
		}
		return node;
	}

	String url() {
		return url;
	}

	private void awaitChainId() throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest chainId = HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\",\"params\":[],\"id\":1}"))
				.build();
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IOException("the Hardhat node exited with " + process.exitValue() + ", see " + log);
			}
			try {
				if (client.send(chainId, HttpResponse.BodyHandlers.ofString()).body().contains("0x7a69")) {
					return;
				}
			} catch (IOException notListeningYet) {
				// keep polling until the deadline
			}
			Thread.sleep(200);
		}
		throw new IOException("the Hardhat node did not answer within " + STARTUP + ", see " + log);
	}

	/** Stops the node and deletes its log. */
	@Override
	public void close() {
		stop();
		try {
			Files.deleteIfExists(log);
		} catch (IOException e) {
			// a leftover log file in the temporary directory is harmless
		}
	}

	private void stop() {
		process.descendants().forEach(ProcessHandle::destroy);
		process.destroy();
		try {
			process.waitFor();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
