package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Self-signed PKCS#12 key stores made with the JDK's keytool, and TLS contexts built from them. */
public final class TestCertificates {

	private TestCertificates() {}

	public static Path keyPair(Path directory, String name, String password) throws Exception {
		Path store = directory.resolve(name + ".p12");
		keytool(List.of("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
				"-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
				"-keystore", store.toString(), "-storepass", password, "-keypass", password));
		return store;
	}

	/** A trust store holding the certificate of {@code keyStore}'s key pair. */
	public static Path trustStoreFor(Path directory, Path keyStore, String alias, String password) throws Exception {
		Path certificate = directory.resolve(alias + ".cer");
		Path trustStore = directory.resolve(alias + "-trust.p12");
		keytool(List.of("-exportcert", "-alias", alias, "-keystore", keyStore.toString(), "-storepass", password,
				"-file", certificate.toString()));
		keytool(List.of("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(), "-storetype", "PKCS12",
				"-keystore", trustStore.toString(), "-storepass", password));
		return trustStore;
	}

	public static SSLContext context(Path keyStore, Path trustStore, String password) throws Exception {
		SSLContext tls = SSLContext.getInstance("TLS");
		KeyManagerFactory keys = null;
		if (keyStore != null) {
			keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(load(keyStore, password), password.toCharArray());
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(load(trustStore, password));
		tls.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
		return tls;
	}

	private static KeyStore load(Path path, String password) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(path)) {
			store.load(in, password.toCharArray());
		}
		return store;
	}

	private static void keytool(List<String> arguments) throws Exception {
		List<String> command = new java.util.ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).inheritIO().start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
	}
}
