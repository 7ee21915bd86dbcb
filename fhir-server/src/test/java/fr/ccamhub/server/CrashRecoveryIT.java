package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Procedure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server process is killed with SIGKILL in the middle of a burst of HL7 messages, restarted
 * on the same data, and the sender resends every message it got no ACK for (and a few it did):
 * every message ends up stored exactly once.
 */
class CrashRecoveryIT {

	private static final int MESSAGES = 240;
	private static final int SENDERS = 4;
	private static final String ACT_SYSTEM = "https://fhir.ccamhub.fr/sid/hl7/BURST%40CLINIQUE-B/act";

	@TempDir
	Path dataDirectory;

	private Process server;

	@AfterEach
	void stop() throws InterruptedException {
		if (server != null && server.isAlive()) {
			server.destroy();
			server.waitFor(60, TimeUnit.SECONDS);
		}
	}

	@Test
	void everyMessageIsStoredExactlyOnceAcrossASigkill() throws Exception {
		int httpPort = freePort();
		int mllpPort = freePort();
		server = start(httpPort, mllpPort, "first");
		Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();

		ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
		List<Future<?>> running = new ArrayList<>();
		for (int s = 0; s < SENDERS; s++) {
			int sender = s;
			running.add(senders.submit(() -> {
				for (int n = sender; n < MESSAGES; n += SENDERS) {
					try (MllpClient client = new MllpClient(mllpPort)) {
						if (client.send(DftBurst.message(n)).contains("MSA|AA|")) {
							acknowledged.add(n);
						}
					} catch (IOException connectionLostOrRefused) {
						return;
					}
				}
			}));
		}
		await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= MESSAGES / 4);
		server.destroyForcibly();
		assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
		for (Future<?> future : running) {
			future.get(2, TimeUnit.MINUTES);
		}
		senders.shutdown();
		int acknowledgedBeforeCrash = acknowledged.size();
		assertThat(acknowledgedBeforeCrash).isLessThan(MESSAGES);

		server = start(httpPort, mllpPort, "restart");
		List<Integer> toResend = new ArrayList<>();
		for (int n = 0; n < MESSAGES; n++) {
			if (!acknowledged.contains(n) || n % 10 == 0) {
				toResend.add(n);
			}
		}
		try (MllpClient client = new MllpClient(mllpPort)) {
			for (int n : toResend) {
				assertThat(client.send(DftBurst.message(n))).as("resend %d", n).contains("MSA|AA|");
			}
		}

		IGenericClient fhir = fhirClient(httpPort);
		for (int n = 0; n < MESSAGES; n++) {
			Bundle found = fhir.search().forResource(Procedure.class)
					.where(Procedure.IDENTIFIER.exactly().systemAndCode(ACT_SYSTEM, DftBurst.transactionId(n)))
					.returnBundle(Bundle.class).execute();
			assertThat(found.getEntry()).as("message %d (acknowledged before the crash: %s)", n, acknowledged.contains(n)).hasSize(1);
		}
	}

	private Process start(int httpPort, int mllpPort, String name) throws Exception {
		return ServerProcess.start(dataDirectory, httpPort, mllpPort, "crash-recovery-" + name, "/fhir/metadata");
	}

	private static IGenericClient fhirClient(int port) {
		ServerIT.FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		return ServerIT.FHIR.newRestfulGenericClient("http://127.0.0.1:" + port + "/fhir");
	}

	private static int freePort() throws IOException {
		return ServerProcess.freePort();
	}

	/** The burst: DFT^P03 messages, each with its own control id and act (FT1-2). */
	static final class DftBurst {

		private DftBurst() {}

		static String transactionId(int n) {
			return "BURST-" + n;
		}

		static String message(int n) {
			return String.join("\r",
					"MSH|^~\\&|BURST|CLINIQUE-B|CCAMHUB|CLINIQUE-B|20260312101500||DFT^P03^DFT_P03|BURST-MSG-" + n + "|P|2.5|||||FRA|UNICODE UTF-8",
					"EVN|P03|20260312101500",
					"PID|1||P" + (n % 40) + "^^^CLINIQUE-B&1.2.250.1.999.3&ISO^PI||PATIENT" + (n % 40) + "^TEST||19800101|F",
					"PV1|1|I|CHIR^1^1^CLINIQUE-B||||||||||||||||V" + (n % 40) + "^^^CLINIQUE-B&1.2.250.1.999.3&ISO^VN",
					"FT1|1|" + transactionId(n) + "||20260311233000||CG|||Appendicectomie en urgence|1" + "|".repeat(15)
							+ "HHFA016^Appendicectomie^CCAM|U^^CCAM")
					+ "\r";
		}
	}
}
