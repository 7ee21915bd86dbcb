package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import fr.ccamhub.dmp.recipient.LocalDocumentRecipient;
import fr.ccamhub.dmp.recipient.LocalDocumentRecipient.Fault;
import fr.ccamhub.dmp.validation.PdsmValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server is killed with SIGKILL while the Document Recipient holds a document it has stored but not yet
 * acknowledged, with more documents still queued. After a restart on the same data every document is at the
 * recipient exactly once: the one whose answer was lost is looked up (ITI-67) instead of being sent again.
 */
class DmpCrashRecoveryIT {

	private static final int DOCUMENTS = 4;

	@TempDir
	Path dataDirectory;

	private Process server;
	private LocalDocumentRecipient recipient;

	@AfterEach
	void stop() throws InterruptedException {
		if (server != null && server.isAlive()) {
			server.destroy();
			server.waitFor(60, TimeUnit.SECONDS);
		}
		if (recipient != null) {
			recipient.close();
		}
	}

	@Test
	void everyDocumentReachesTheRecipientExactlyOnceAcrossASigkillMidSend() throws Exception {
		FhirContext fhir = FhirContext.forR4Cached();
		PdsmValidator validator = new PdsmValidator(fhir);
		// A cold validator takes seconds: warmed up, the recipient stores what it receives at once.
		validator.validate(new org.hl7.fhir.r4.model.Bundle().setType(org.hl7.fhir.r4.model.Bundle.BundleType.TRANSACTION));
		recipient = new LocalDocumentRecipient(fhir, validator);
		// Documents are stored, then their answers never come before the kill.
		for (int n = 0; n < DOCUMENTS; n++) {
			recipient.failNext(new Fault.Stall(Duration.ofMinutes(5)));
		}
		int httpPort = ServerProcess.freePort();
		int mllpPort = ServerProcess.freePort();
		String[] settings = {
				"--ccamhub.dmp.enabled=true",
				"--ccamhub.dmp.endpoint=" + recipient.base(),
				"--ccamhub.dmp.source-id=1.2.250.1.999.1.1.7",
				"--ccamhub.dmp.organization.finess=750712184",
				"--ccamhub.dmp.organization.name=CENTRE HOSPITALIER EXEMPLE",
				"--ccamhub.dmp.connect-timeout=1s",
				"--ccamhub.dmp.read-timeout=20s",
				"--ccamhub.dmp.dispatcher.interval=200ms",
				// One dispatcher per trigger: documents are still queued when the kill comes.
				"--ccamhub.dmp.dispatcher.concurrency=1",
				"--ccamhub.dmp.dispatcher.lease=25s"};
		server = ServerProcess.start(dataDirectory, httpPort, mllpPort, "dmp-crash-first", "/fhir/metadata", settings);
		try (MllpClient mllp = new MllpClient(mllpPort)) {
			for (int n = 0; n < DOCUMENTS; n++) {
				assertThat(mllp.send(document(n))).contains("MSA|AA");
			}
		}
		await().atMost(Duration.ofMinutes(2)).until(() -> !recipient.stored().isEmpty());

		server.destroyForcibly();
		assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
		int storedBeforeTheCrash = recipient.stored().size();
		assertThat(storedBeforeTheCrash).isLessThan(DOCUMENTS);
		recipient.recover();
		server = ServerProcess.start(dataDirectory, httpPort, mllpPort, "dmp-crash-restart", "/fhir/metadata", settings);

		await().atMost(Duration.ofMinutes(2)).until(() -> recipient.stored().size() == DOCUMENTS);
		// ...and stays so: no late resend arrives.
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
				.until(() -> recipient.provideRequests().size() == DOCUMENTS);
		List<String> stored = recipient.stored().stream()
				.map(document -> document.documentReference().getMasterIdentifier().getValue()).sorted().toList();
		assertThat(stored).containsExactlyElementsOf(IntStream.range(0, DOCUMENTS).mapToObj(DmpCrashRecoveryIT::masterIdentifier)
				.sorted().toList());
		assertThat(recipient.provideRequests()).as("one ITI-65 request per document, none resent").hasSize(DOCUMENTS);
	}

	private static String masterIdentifier(int n) {
		return "urn:oid:1.2.250.1.71.4.2.2.120456789.7102400090" + n;
	}

	/** The CI-SIS MDM^T02 sample, as a document of its own (control id and TXA-12). */
	private static String document(int n) throws IOException {
		try (InputStream in = DmpCrashRecoveryIT.class.getResourceAsStream("/hl7v2/fr-cisis_MDM_T02_CR-radio_init_v2.1.er7")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8)
					.replace("|015|P|2.6", "|CRASH-" + n + "|P|2.6")
					.replace("1.2.250.1.71.4.2.2.120456789.71024000081", masterIdentifier(n).substring("urn:oid:".length()));
		}
	}
}
