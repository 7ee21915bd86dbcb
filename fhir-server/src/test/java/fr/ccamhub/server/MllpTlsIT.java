package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * MLLPS with client certificates: the listener serves HL7 over TLS with a key store from
 * configuration and requires a client certificate from its trust store; a sender without one, or
 * over plain TCP, gets no ACK.
 */
class MllpTlsIT {

	private static final String PASSWORD = "changeit-" + System.nanoTime();
	private static final String ADT = "MSH|^~\\&|EHR|CHU|CCAMHUB|CHU|20260312101500||ADT^A01^ADT_A01|TLS-1|P|2.5\r"
			+ "PID|1||TLS-P1^^^CHU&1.2.250.1.999.7&ISO^PI||CHIFFRE^CLAIRE||19800101|F\r";

	@TempDir
	static Path directory;

	private static ConfigurableApplicationContext server;
	private static int mllpPort;
	private static Path serverKeys;
	private static Path serverTrust;
	private static Path clientKeys;
	private static Path clientTrust;

	@BeforeAll
	static void startWithMutualTls() throws Exception {
		serverKeys = TestCertificates.keyPair(directory, "server", PASSWORD);
		clientKeys = TestCertificates.keyPair(directory, "sender", PASSWORD);
		serverTrust = TestCertificates.trustStoreFor(directory, clientKeys, "sender", PASSWORD);
		clientTrust = TestCertificates.trustStoreFor(directory, serverKeys, "server", PASSWORD);
		try (ServerSocket socket = new ServerSocket(0)) {
			mllpPort = socket.getLocalPort();
		}
		server = StandaloneServer.start(directory.resolve("data"), mllpPort,
				"--ccamhub.hl7.mllp.tls.enabled=true",
				"--ccamhub.hl7.mllp.tls.key-store=file:" + serverKeys,
				"--ccamhub.hl7.mllp.tls.key-store-password=" + PASSWORD,
				"--ccamhub.hl7.mllp.tls.trust-store=file:" + serverTrust,
				"--ccamhub.hl7.mllp.tls.trust-store-password=" + PASSWORD);
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void acknowledgesASenderWithATrustedCertificate() throws Exception {
		SSLSocket socket = (SSLSocket) TestCertificates.context(clientKeys, clientTrust, PASSWORD).getSocketFactory()
				.createSocket("127.0.0.1", mllpPort);
		socket.startHandshake();
		try (MllpClient client = new MllpClient(socket)) {
			assertThat(client.send(ADT)).contains("MSA|AA|TLS-1");
		}
	}

	@Test
	void refusesASenderWithoutCertificate() {
		assertThatThrownBy(() -> {
			SSLSocket socket = (SSLSocket) TestCertificates.context(null, clientTrust, PASSWORD).getSocketFactory()
					.createSocket("127.0.0.1", mllpPort);
			socket.startHandshake();
			try (MllpClient client = new MllpClient(socket)) {
				client.send(ADT.replace("TLS-1", "TLS-2"));
			}
		}).isInstanceOf(IOException.class);
	}

	@Test
	void plainTcpGetsNoAcknowledgement() {
		assertThatThrownBy(() -> {
			try (MllpClient client = new MllpClient(new Socket("127.0.0.1", mllpPort))) {
				client.send(ADT.replace("TLS-1", "PLAIN-1"));
			}
		}).isInstanceOf(IOException.class);
	}
}
