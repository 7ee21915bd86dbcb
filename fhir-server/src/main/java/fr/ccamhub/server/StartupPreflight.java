package fr.ccamhub.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Cheap checks run as soon as the configuration is known, before the database, the index or HAPI
 * start: the ports to listen on are free, an external database answers, the ledger's keystore opens.
 * A bad start-up then fails within seconds, naming the setting to change, instead of after a minute
 * of loading. The real bind and connect still decide; this only fails earlier. Run by {@code main}
 * only: tests set their ports after the environment is prepared.
 */
final class StartupPreflight {

	private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://\\[?([^/:\\],]+)\\]?(?::(\\d+))?.*");

	private StartupPreflight() {}

	/** A check failed; the message names the setting to change. */
	static final class StartupCheckFailed extends IllegalStateException {
		StartupCheckFailed(String message) {
			super(message);
		}
	}

	static void check(ConfigurableEnvironment environment) {
		String httpAddress = environment.getProperty("server.address", "127.0.0.1");
		checkPortFree("HTTP", httpAddress, environment.getProperty("server.port", Integer.class, 8080), "server.port");
		if (environment.getProperty("ccamhub.hl7.mllp.enabled", Boolean.class, true)) {
			checkPortFree("HL7 v2", environment.getProperty("ccamhub.hl7.mllp.host", "127.0.0.1"),
					environment.getProperty("ccamhub.hl7.mllp.port", Integer.class, 2575), "ccamhub.hl7.mllp.port");
		}
		checkDatabaseAnswers(environment.getProperty("spring.datasource.url", ""));
		if (environment.getProperty("ccamhub.ledger.enabled", Boolean.class, true)) {
			checkKeyStoreOpens(environment.getProperty("ccamhub.ledger.signing.key-store"),
					environment.getProperty("ccamhub.ledger.signing.key-store-password"));
		}
	}

	static void checkPortFree(String what, String host, int port, String key) {
		if (port <= 0) {
			return;
		}
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
		} catch (IOException e) {
			throw new StartupCheckFailed("Cannot listen for " + what + " on " + host + ":" + port + " (" + e.getMessage()
					+ "): set " + key + " to a free port");
		}
	}

	static void checkDatabaseAnswers(String url) {
		if (url == null || url.isBlank()) {
			return;
		}
		Matcher matcher = POSTGRES_URL.matcher(url.trim());
		if (!matcher.matches()) {
			return;
		}
		String host = matcher.group(1);
		int port = matcher.group(2) == null ? 5432 : Integer.parseInt(matcher.group(2));
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 5_000);
		} catch (IOException e) {
			throw new StartupCheckFailed("The database is unreachable at " + host + ":" + port + " (" + e.getMessage()
					+ "): check spring.datasource.url, or leave it empty for the embedded PostgreSQL");
		}
	}

	static void checkKeyStoreOpens(String location, String password) {
		if (location == null || location.isBlank() || !Files.isRegularFile(Path.of(location))) {
			return;
		}
		try (InputStream in = Files.newInputStream(Path.of(location))) {
			KeyStore.getInstance("PKCS12").load(in, password == null ? new char[0] : password.toCharArray());
		} catch (IOException | GeneralSecurityException e) {
			throw new StartupCheckFailed("The ledger keystore " + location + " cannot be opened (" + e.getMessage()
					+ "): check ccamhub.ledger.signing.key-store and ccamhub.ledger.signing.key-store-password");
		}
	}
}
