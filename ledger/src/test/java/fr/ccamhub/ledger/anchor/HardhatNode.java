package fr.ccamhub.ledger.anchor;

import static org.awaitility.Awaitility.await;

import java.io.File;
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
 * A real EVM JSON-RPC node for tests: Hardhat 2 from npm (installed in ledger/evm by the Maven
 * build), started on a free loopback port. Its first account's well-known key anchors.
 */
public final class HardhatNode implements AutoCloseable {

	/** Hardhat's default account #0: public test key, worthless on any real chain. */
	public static final String ACCOUNT_0_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
	public static final long CHAIN_ID = 31337;

	private final Process process;
	private final String url;

	private HardhatNode(Process process, String url) {
		this.process = process;
		this.url = url;
	}

	/**
	 * {@code given} if set, else ledger/evm seen from the ledger module, a sibling module or the repository root: the
	 * first one where the ledger build installed Hardhat (npm ci).
	 */
	public static Path evmDirectory(String given) {
		List<Path> candidates = given == null ? List.of(Path.of("evm"), Path.of("../ledger/evm"), Path.of("ledger/evm"))
				: List.of(Path.of(given));
		for (Path candidate : candidates) {
			if (Files.isRegularFile(candidate.resolve("node_modules/hardhat/internal/cli/cli.js"))) {
				return candidate.toAbsolutePath().normalize();
			}
		}
		throw new IllegalStateException("Hardhat is not installed in " + candidates + ": build the ledger module "
				+ "(mvn -pl ledger install runs npm ci in ledger/evm)");
	}

	public static HardhatNode start() throws IOException {
		return start(evmDirectory(null));
	}

	/** Starts Hardhat from an evm directory holding its node_modules. */
	public static HardhatNode start(Path evm) throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		File log = Files.createTempFile("hardhat-node", ".log").toFile();
		Process process = new ProcessBuilder("node", "node_modules/hardhat/internal/cli/cli.js", "node",
				"--hostname", "127.0.0.1", "--port", String.valueOf(port))
				.directory(evm.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log)
				.start();
		String url = "http://127.0.0.1:" + port;
		HardhatNode node = new HardhatNode(process, url);
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest chainId = HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\",\"params\":[],\"id\":1}"))
				.build();
		try {
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
					.failFast("the Hardhat node exited, see " + log, () -> !process.isAlive())
					.until(() -> client.send(chainId, HttpResponse.BodyHandlers.ofString()).body().contains("0x7a69"));
		} catch (RuntimeException e) {
			node.close();
			throw e;
		}
		return node;
	}

	public String url() {
		return url;
	}

	/** Mines a block, as new transactions from others would: adds a confirmation. */
	public void mineBlock() throws IOException, InterruptedException {
		HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"evm_mine\",\"params\":[],\"id\":1}"))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Override
	public void close() {
		process.descendants().forEach(ProcessHandle::destroy);
		process.destroy();
	}
}
