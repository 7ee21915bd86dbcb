package fr.ccamhub.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests that share one running server: a real embedded PostgreSQL, the
 * real CCAM V81 load and HTTP on a random port. Every subclass reuses the same Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = CcamhubApplication.class)
public abstract class ServerIT {

	protected static final FhirContext FHIR = FhirContext.forR4Cached();
	protected static final String CCAM = "https://smt.esante.gouv.fr/terminologie-ccam";
	protected static final String CCAM_MODIFIERS = "https://smt.esante.gouv.fr/terminologie-ccam-modificateurs";

	private static final Path DATA_DIRECTORY = createDataDirectory();
	protected static final int MLLP_PORT = freePort();

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void isolatedDataDirectoryAndRealIssuers(DynamicPropertyRegistry registry) {
		registry.add("ccamhub.data-directory", DATA_DIRECTORY::toString);
		registry.add("ccamhub.hl7.mllp.port", () -> MLLP_PORT);
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.issuer(TestTokens.MAIN));
		registry.add("ccamhub.security.additional-issuers", () -> TestTokens.issuer(TestTokens.SECOND));
		registry.add("ccamhub.security.audiences", () -> TestTokens.AUDIENCE);
		// SubscriptionIT's rest-hook receivers listen on random loopback ports.
		registry.add("ccamhub.subscriptions.allowed-endpoints", () -> "http://127.0.0.1:*");
	}

	/** A clinician who also bills: enough for the clinical and billing resources of these tests. */
	protected static String staffToken() {
		return TestTokens.token("dr-house", java.util.List.of("clinician", "billing"), null);
	}

	protected String fhirBase() {
		return "http://localhost:" + port + "/fhir";
	}

	protected IGenericClient client() {
		return client(staffToken());
	}

	protected IGenericClient client(String bearerToken) {
		FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		FHIR.getRestfulClientFactory().setSocketTimeout(120_000);
		IGenericClient client = FHIR.newRestfulGenericClient(fhirBase());
		client.registerInterceptor(new BearerTokenAuthInterceptor(bearerToken));
		return client;
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Path createDataDirectory() {
		try {
			return Files.createTempDirectory("ccamhub-it-");
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
