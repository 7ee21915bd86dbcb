package fr.ccamhub.bench.plain;

import fr.ccamhub.server.database.EmbeddedPostgresConfig;
import fr.ccamhub.server.database.EmbeddedPostgresProperties;
import fr.ccamhub.server.fhir.FhirServerProperties;
import fr.ccamhub.server.fhir.FhirStorageProperties;
import fr.ccamhub.server.fhir.HapiJpaConfig;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * HAPI FHIR 8.8.0 JPA R4 with ccamhub's storage and none of its interceptors: the baseline ccamhub is compared with.
 *
 * <p>Storage is ccamhub's own, by dependency rather than by copy: {@link HapiJpaConfig} (full-text indexing,
 * referential integrity on write, no external references or placeholder targets), {@link EmbeddedPostgresConfig}
 * (PostgreSQL 17 from Maven, fsync and synchronous commit on) and the server's {@code application.yaml}, found on the
 * classpath in fhir-server's classes jar (Hikari pool of 20, Hibernate settings, Lucene backend with ccamhub's French
 * analyzers, read-sync indexing). Nothing else of ccamhub is loaded: no authentication, authorization, consent, audit,
 * CCAM checks, INS checks, ledger, copilot, MLLP or terminology loading.
 *
 * <p>Usage: {@code PlainHapiServer <port> <data-directory>}; the data directory should be new (empty). Prints
 * {@code Plain HAPI FHIR ready: <base URL>} once it serves requests.
 */
@SpringBootApplication(excludeName = {
	// On bench's classpath through camel-routes: ccamhub's HL7 ingestion and coding workflow, and Camel itself.
	"fr.ccamhub.hl7.config.Hl7IngestionConfig",
	"fr.ccamhub.coding.config.CodingWorkflowConfig",
	"org.apache.camel.spring.boot.CamelAutoConfiguration"
})
@Import({EmbeddedPostgresConfig.class, HapiJpaConfig.class, PlainRestfulServerConfig.class})
@EnableConfigurationProperties({EmbeddedPostgresProperties.class, FhirStorageProperties.class, FhirServerProperties.class})
public class PlainHapiServer {

	public static void main(String[] args) {
		if (args.length != 2) {
			System.err.println("Usage: PlainHapiServer <port> <data-directory>");
			System.exit(2);
		}
		SpringApplication application = new SpringApplication(PlainHapiServer.class);
		// Command-line properties, so that they win over application.yaml's.
		String[] properties = {
			"--server.port=" + Integer.parseInt(args[0]),
			"--ccamhub.data-directory=" + Path.of(args[1]).toAbsolutePath(),
			"--spring.application.name=plain-hapi",
			"--spring.thymeleaf.check-template-location=false"
		};
		application.addListeners((ApplicationReadyEvent ready) -> {
			WebServerApplicationContext context = (WebServerApplicationContext) ready.getApplicationContext();
			String path = context.getEnvironment().getProperty("ccamhub.fhir.server.path", "/fhir");
			System.out.println("Plain HAPI FHIR ready: http://127.0.0.1:" + context.getWebServer().getPort() + path);
		});
		application.run(properties);
	}
}
