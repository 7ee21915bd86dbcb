package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** MLLPS: the listener serves HL7 over TLS with a key store from configuration; plain TCP gets no ACK. */
class MllpTlsIT {

	private static final String PASSWORD = "changeit-" + System.nanoTime();

	@TempDir
	static Path directory;

	private static ConfigurableApplicationContext server;
	private static int mllpPort;
	private static Path keyStore;

	@BeforeAll
	static void startWithTls() throws Exception {
		keyStore = directory.resolve("mllp.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "ccamhub", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
				"-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
				"-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
				.inheritIO().start();
		assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(keytool.exitValue()).isZero();
		try (ServerSocket socket = new ServerSocket(0)) {
			mllpPort = socket.getLocalPort();
		}
		server = new SpringApplicationBuilder(CcamhubApplication.class).run(
				"--server.port=0",
				"--ccamhub.data-directory=" + directory.resolve("data"),
				"--ccamhub.terminology.ccam.load-on-startup=false",
				"--ccamhub.hl7.mllp.port=" + mllpPort,
				"--ccamhub.hl7.mllp.tls.enabled=true",
				"--ccamhub.hl7.mllp.tls.key-store=file:" + keyStore,
				"--ccamhub.hl7.mllp.tls.key-store-password=" + PASSWORD);
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void acknowledgesOverTls() throws Exception {
		KeyStore trusted = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keyStore)) {
			trusted.load(in, PASSWORD.toCharArray());
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext tls = SSLContext.getInstance("TLS");
		tls.init(null, trust.getTrustManagers(), null);
		SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", mllpPort);
		socket.startHandshake();
		try (MllpClient client = new MllpClient(socket)) {
			String ack = client.send("MSH|^~\\&|EHR|CHU|CCAMHUB|CHU|20260312101500||ADT^A01^ADT_A01|TLS-1|P|2.5\r"
					+ "PID|1||TLS-P1^^^CHU&1.2.250.1.999.7&ISO^PI||CHIFFRE^CLAIRE||19800101|F\r");
			assertThat(ack).contains("MSA|AA|TLS-1");
		}
	}

	@Test
	void plainTcpGetsNoAcknowledgement() {
		assertThatThrownBy(() -> {
			try (MllpClient client = new MllpClient(new Socket("127.0.0.1", mllpPort))) {
				client.send("MSH|^~\\&|EHR|CHU|CCAMHUB|CHU|20260312101500||ADT^A01^ADT_A01|PLAIN-1|P|2.5\r");
			}
		}).isInstanceOf(IOException.class);
	}
}
