package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real Keycloak distribution (unpacked from Maven Central by the build) imports the realm of
 * {@code docker/keycloak/}, issues tokens with a client-credentials grant, and ccamhub honours them.
 */
class KeycloakIT {

	private static final String EHR_SECRET = UUID.randomUUID().toString();
	private static final String DEVICE_SECRET = UUID.randomUUID().toString();
	private static final String DEMO_PASSWORD = UUID.randomUUID().toString();
	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@TempDir
	static Path dataDirectory;

	private static Process keycloak;
	private static int keycloakPort;
	private static ConfigurableApplicationContext ccamhub;
	private static int ccamhubPort;

	@BeforeAll
	static void startKeycloakAndCcamhub() throws Exception {
		Path home = Path.of(System.getProperty("keycloak.home"));
		Path realm = Path.of(System.getProperty("keycloak.realm"));
		deleteRecursively(home.resolve("data/h2"));
		Path imports = Files.createDirectories(home.resolve("data/import"));
		Files.copy(realm, imports.resolve("ccamhub-realm.json"), StandardCopyOption.REPLACE_EXISTING);
		keycloakPort = freePort();
		ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
				"--http-host=127.0.0.1", "--http-port=" + keycloakPort, "--import-realm")
				.redirectErrorStream(true)
				.redirectOutput(new File(home.getParent().toFile(), "keycloak-it.log"));
		builder.environment().putAll(Map.of(
				"CCAMHUB_EHR_CLIENT_SECRET", EHR_SECRET,
				"CCAMHUB_DEVICE_CLIENT_SECRET", DEVICE_SECRET,
				"CCAMHUB_AUDITOR_CLIENT_SECRET", UUID.randomUUID().toString(),
				"CCAMHUB_PARTNER_CLIENT_SECRET", UUID.randomUUID().toString(),
				"CCAMHUB_DEMO_PASSWORD", DEMO_PASSWORD));
		keycloak = builder.start();
		String issuer = "http://127.0.0.1:" + keycloakPort + "/realms/ccamhub";
		await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			if (!keycloak.isAlive()) {
				throw new IllegalStateException("Keycloak exited, see target/keycloak/keycloak-it.log");
			}
			return status(issuer + "/.well-known/openid-configuration", null) == 200;
		});

		ccamhub = new SpringApplicationBuilder(CcamhubApplication.class).run(
				"--server.port=0",
				"--ccamhub.hl7.mllp.enabled=false",
				"--ccamhub.data-directory=" + dataDirectory,
				"--ccamhub.terminology.ccam.load-on-startup=false",
				"--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer);
		ccamhubPort = ((WebServerApplicationContext) ccamhub).getWebServer().getPort();
	}

	@AfterAll
	static void stop() throws Exception {
		if (ccamhub != null) {
			ccamhub.close();
		}
		if (keycloak != null) {
			keycloak.destroy();
			if (!keycloak.waitFor(30, TimeUnit.SECONDS)) {
				keycloak.destroyForcibly();
			}
		}
	}

	@Test
	void anEhrClientCredentialsTokenFromKeycloakReadsAndWritesClinicalData() throws Exception {
		String token = clientCredentials("ehr-connector", EHR_SECRET);
		HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(fhir("/Patient"))
						.header("Authorization", "Bearer " + token)
						.header("Content-Type", "application/fhir+json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Keycloak\"}]}"))
						.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(status(fhir("/Patient?family=Keycloak").toString(), token)).isEqualTo(200);
	}

	@Test
	void aDeviceGatewayTokenCannotReadPatients() throws Exception {
		String token = clientCredentials("device-gateway", DEVICE_SECRET);
		assertThat(status(fhir("/Patient").toString(), token)).isEqualTo(403);
	}

	@Test
	void aDemoUserLogsInThroughTheCoderConsole() throws Exception {
		Map<?, ?> response = tokenRequest(Map.of("grant_type", "password", "client_id", "coder-console",
				"username", "dr.martin", "password", DEMO_PASSWORD));
		assertThat(status(fhir("/Encounter").toString(), (String) response.get("access_token"))).isEqualTo(200);
	}

	@Test
	void noTokenIsRefused() throws Exception {
		assertThat(status(fhir("/Patient").toString(), null)).isEqualTo(401);
	}

	private static String clientCredentials(String clientId, String secret) throws Exception {
		return (String) tokenRequest(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret))
				.get("access_token");
	}

	private static Map<?, ?> tokenRequest(Map<String, String> form) throws Exception {
		String body = form.entrySet().stream()
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
								URI.create("http://127.0.0.1:" + keycloakPort + "/realms/ccamhub/protocol/openid-connect/token"))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return new ObjectMapper().readValue(response.body(), Map.class);
	}

	private static URI fhir(String path) {
		return URI.create("http://127.0.0.1:" + ccamhubPort + "/fhir" + path);
	}

	private static int status(String url, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		} catch (java.net.ConnectException e) {
			return -1;
		}
	}

	/** A realm left by an earlier run would make Keycloak skip the import, with that run's secrets. */
	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (var paths = Files.walk(directory)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
