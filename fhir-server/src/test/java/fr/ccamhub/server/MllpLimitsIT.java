package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The MLLP listener protects itself from any single sender, over real sockets: message size, total
 * connections, connections per address, idle and slow senders.
 */
class MllpLimitsIT {

	private static final int MAX_MESSAGE = 64 * 1024;
	private static ConfigurableApplicationContext server;
	private static int mllpPort;

	@BeforeAll
	static void startWithSmallLimits() throws IOException {
		mllpPort = freePort();
		server = StandaloneServer.start(Files.createTempDirectory("ccamhub-mllp-limits-"), mllpPort,
				"--ccamhub.hl7.mllp.max-message-size=64KB",
				"--ccamhub.hl7.mllp.max-concurrent-connections=4",
				"--ccamhub.hl7.mllp.max-connections-per-address=2",
				"--ccamhub.hl7.mllp.idle-timeout=2s",
				"--ccamhub.hl7.mllp.read-timeout=2s");
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void aMessageOverTheSizeLimitIsRefusedWithAnArNamingItsSizeAndTheConnectionGoesOn() throws IOException {
		String big = adt("BIG1") + "NTE|1||" + "x".repeat(MAX_MESSAGE + 10) + "\r";
		try (MllpClient client = new MllpClient(new Socket(InetAddress.getLoopbackAddress(), mllpPort))) {
			String ack = client.send(big);
			assertThat(ack).contains("MSA|AR|BIG1");
			assertThat(segment(ack, "ERR")).contains(String.format(java.util.Locale.ROOT, "%,d bytes", big.length()))
					.contains("65,536-byte limit").contains("ccamhub.hl7.mllp.max-message-size");

			assertThat(client.send(adt("SMALL1"))).contains("MSA|AA|SMALL1");
		}
	}

	@Test
	void oneAddressCannotTakeMoreThanItsShareAndOthersStillGetIn() throws Exception {
		List<Socket> idle = new ArrayList<>();
		try {
			InetAddress sender = InetAddress.getByName("127.0.0.5");
			idle.add(connectFrom(sender));
			idle.add(connectFrom(sender));
			awaitServed(idle.get(1));
			try (Socket third = connectFrom(sender)) {
				assertClosedByServer(third);
			}
			try (MllpClient other = new MllpClient(connectFrom(InetAddress.getByName("127.0.0.6")))) {
				assertThat(other.send(adt("OTHER1"))).contains("MSA|AA|OTHER1");
			}
		} finally {
			closeAll(idle);
		}
	}

	@Test
	void theListenerServesAtMostItsTotalAndFreesSlotsAsConnectionsClose() throws Exception {
		List<Socket> idle = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				idle.add(connectFrom(InetAddress.getByName("127.0.1." + (10 + i))));
			}
			awaitServed(idle.get(3));
			try (Socket fifth = connectFrom(InetAddress.getByName("127.0.1.20"))) {
				assertClosedByServer(fifth);
			}
			idle.remove(0).close();
			await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
				try (MllpClient again = new MllpClient(connectFrom(InetAddress.getByName("127.0.1.21")))) {
					assertThat(again.send(adt("AGAIN1"))).contains("MSA|AA|AGAIN1");
				}
			});
		} finally {
			closeAll(idle);
		}
	}

	@Test
	void anIdleConnectionIsClosedSoItCannotLockOthersOut() throws Exception {
		try (Socket idle = connectFrom(InetAddress.getByName("127.0.2.1"))) {
			long start = System.nanoTime();
			idle.setSoTimeout(15_000);
			assertThat(idle.getInputStream().read()).isEqualTo(-1);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(10));
		}
	}

	@Test
	void aSlowSenderTricklingBytesIsCutOffAtTheReadTimeout() throws Exception {
		try (Socket slow = connectFrom(InetAddress.getByName("127.0.2.2"))) {
			slow.setSoTimeout(200);
			OutputStream out = slow.getOutputStream();
			InputStream in = slow.getInputStream();
			out.write(0x0B);
			byte[] message = adt("SLOW1").getBytes(StandardCharsets.US_ASCII);
			long start = System.nanoTime();
			boolean closed = false;
			for (int i = 0; i < message.length && !closed; i++) {
				try {
					out.write(message[i]);
					out.flush();
					closed = readsEndOfStream(in);
				} catch (IOException e) {
					closed = true;
				}
			}
			assertThat(closed).as("closed before the message was sent whole").isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(10));
		}
	}

	private static boolean readsEndOfStream(InputStream in) throws IOException {
		try {
			return in.read() == -1;
		} catch (SocketTimeoutException e) {
			return false;
		}
	}

	private static Socket connectFrom(InetAddress local) throws IOException {
		Socket socket = new Socket();
		socket.bind(new InetSocketAddress(local, 0));
		socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), mllpPort), 5_000);
		return socket;
	}

	/** The connection was admitted: the server keeps it open (a refused one is closed at once). */
	private static void awaitServed(Socket socket) throws IOException {
		socket.setSoTimeout(300);
		try {
			assertThat(socket.getInputStream().read()).isNotEqualTo(-1);
		} catch (SocketTimeoutException expected) {
			// still open: admitted
		}
	}

	private static void assertClosedByServer(Socket socket) throws IOException {
		socket.setSoTimeout(5_000);
		assertThat(socket.getInputStream().read()).isEqualTo(-1);
	}

	private static void closeAll(List<Socket> sockets) throws IOException {
		for (Socket socket : sockets) {
			socket.close();
		}
	}

	private static String adt(String controlId) {
		return "MSH|^~\\&|EHR|CHU|CCAMHUB|CHU|20260312||ADT^A01|" + controlId + "|P|2.5\r"
				+ "PID|1||" + controlId + "^^^CHU&1.2.250.1.999&ISO^PI||LIMITE^TEST||19800101|F\r";
	}

	private static String segment(String ack, String name) {
		for (String segment : ack.split("\r")) {
			if (segment.startsWith(name + "|")) {
				return segment;
			}
		}
		return "";
	}

	private static int freePort() throws IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
