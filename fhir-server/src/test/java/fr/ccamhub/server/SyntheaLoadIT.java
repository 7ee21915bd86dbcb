package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ccamhub.server.synthea.SyntheaBundles;
import fr.ccamhub.server.synthea.SyntheaLoader;
import fr.ccamhub.server.synthea.SyntheaTypeCover;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Synthea 3.3.0's set loads as into any FHIR server: through /fhir in the embedded dev mode (the local
 * developer), and with an integration client's token on the shared server (auth on). Each side loads
 * the shared hospital and practitioner bundles and patient bundles that together hold every resource
 * type of the whole set; the whole set is measured by bench/synthea.sh.
 */
class SyntheaLoadIT extends ServerIT {

	private static final SyntheaBundles SET = SyntheaBundles.generated();
	private static Map<Path, Set<String>> typesByBundle;
	private static ConfigurableApplicationContext devServer;

	@BeforeAll
	static void readTheSetAndStartADevModeServer() throws Exception {
		typesByBundle = SyntheaTypeCover.typesByBundle(SET.patients());
		devServer = StandaloneServer.start(Files.createTempDirectory("ccamhub-synthea-"), 0,
				"--ccamhub.hl7.mllp.enabled=false");
	}

	@AfterAll
	static void stopTheDevModeServer() {
		devServer.close();
	}

	@Test
	void everyTypeOfTheSetLoadsInTheEmbeddedDevMode() throws Exception {
		List<Path> patients = SyntheaTypeCover.cover(typesByBundle, Set.of());
		int port = ((WebServerApplicationContext) devServer).getWebServer().getPort();
		List<Path> bundles = withSharedBundles(patients);
		assertThat(new SyntheaLoader("http://localhost:" + port + "/fhir", null).loadAll(bundles))
				.isEqualTo(SyntheaTypeCover.entries(bundles));
		assertThat(typesOf(patients)).containsAll(SyntheaTypeCover.allTypes(typesByBundle))
				.contains("Immunization", "MedicationAdministration", "Medication", "ImagingStudy", "CareTeam", "CarePlan",
						"SupplyDelivery", "ExplanationOfBenefit", "Provenance");
	}

	@Test
	void everyTypeOfTheSetLoadsWithAnIntegrationClientsToken() throws Exception {
		Set<Path> usedByTheOtherTest = new HashSet<>(SyntheaTypeCover.cover(typesByBundle, Set.of()));
		List<Path> patients = SyntheaTypeCover.cover(typesByBundle, usedByTheOtherTest);
		if (!typesOf(patients).containsAll(SyntheaTypeCover.allTypes(typesByBundle))) {
			patients = SyntheaTypeCover.cover(typesByBundle, Set.of());
		}
		String integration = TestTokens.token("ehr-synthea", List.of("integration"), "system/*.cruds");
		List<Path> bundles = withSharedBundles(patients);
		assertThat(new SyntheaLoader(fhirBase(), integration).loadAll(bundles)).isEqualTo(SyntheaTypeCover.entries(bundles));
	}

	private static List<Path> withSharedBundles(List<Path> patients) {
		List<Path> bundles = new ArrayList<>(SET.hospitals());
		bundles.addAll(SET.practitioners());
		bundles.addAll(patients);
		return bundles;
	}

	private static Set<String> typesOf(List<Path> bundles) {
		Set<String> types = new HashSet<>();
		bundles.forEach(bundle -> types.addAll(typesByBundle.get(bundle)));
		return types;
	}
}
