package fr.ccamhub.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
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

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void isolatedDataDirectory(DynamicPropertyRegistry registry) {
		registry.add("ccamhub.data-directory", DATA_DIRECTORY::toString);
	}

	protected String fhirBase() {
		return "http://localhost:" + port + "/fhir";
	}

	protected IGenericClient client() {
		FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		FHIR.getRestfulClientFactory().setSocketTimeout(120_000);
		return FHIR.newRestfulGenericClient(fhirBase());
	}

	private static Path createDataDirectory() {
		try {
			return Files.createTempDirectory("ccamhub-it-");
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
