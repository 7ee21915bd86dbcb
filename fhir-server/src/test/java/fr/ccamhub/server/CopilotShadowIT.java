package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Shadow mode on a server of its own: an act sent in words over MLLP gets a record of the copilot's
 * suggestions (Task suggestion-observee) and the Procedure keeps its content and version.
 */
class CopilotShadowIT {

	@TempDir
	static Path directory;

	private static ConfigurableApplicationContext server;
	private static int mllpPort;

	@BeforeAll
	static void startInShadowMode() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			mllpPort = socket.getLocalPort();
		}
		server = StandaloneServer.start(directory.resolve("data"), mllpPort,
				"--ccamhub.copilot.shadow=true",
				"--ccamhub.copilot.poll-interval=500ms");
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void suggestionsAreRecordedAndTheProcedureIsLeftAsItWas() throws Exception {
		byte[] message;
		try (InputStream in = getClass().getResourceAsStream("/hl7v2-ccam/bar_p12_acte_en_texte.hl7")) {
			message = in.readAllBytes();
		}
		try (MllpClient mllp = new MllpClient(mllpPort)) {
			assertThat(mllp.send(message, StandardCharsets.UTF_8)).contains("MSA|AA|BAR-TEXTE-0001");
		}
		DaoRegistry daos = server.getBean(DaoRegistry.class);
		Task task = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
			List<? extends IBaseResource> found = daos.getResourceDao(Task.class).searchForResources(SearchParameterMap.newSynchronous()
					.add(Task.SP_CODE, new TokenParam("https://fhir.ccamhub.fr/CodeSystem/tache-codage", "suggestion-observee")),
					new SystemRequestDetails());
			return found.isEmpty() ? null : (Task) found.get(0);
		}, t -> t != null);
		assertThat(task.getInput()).anyMatch(i -> i.getType().getCodingFirstRep().getCode().equals("suggestion"));

		Procedure procedure = (Procedure) daos.getResourceDao(Procedure.class)
				.read(new org.hl7.fhir.r4.model.IdType(task.getFocus().getReference()), new SystemRequestDetails());
		assertThat(procedure.getCode().getCoding()).isEmpty();
		assertThat(procedure.getMeta().getVersionId()).isEqualTo("1");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(((Procedure) daos.getResourceDao(Procedure.class)
				.read(procedure.getIdElement().toVersionless(), new SystemRequestDetails())).getMeta().getTag())
				.extracting(Coding::getCode).contains("observe").doesNotContain("a-coder"));
	}
}
