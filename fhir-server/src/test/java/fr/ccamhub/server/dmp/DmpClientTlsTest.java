package fr.ccamhub.server.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import fr.ccamhub.dmp.transport.PdsmHttpRecipient;
import fr.ccamhub.dmp.transport.RecipientUnreachableException;
import fr.ccamhub.server.TestCertificates;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DMP transport over TLS with the structure's client certificate, as configured ({@code ccamhub.dmp.tls.*}),
 * against a real HTTPS recipient that requires one: with the certificate the ITI-67 look-up is answered and the
 * recipient sees who called; without it the handshake fails.
 */
class DmpClientTlsTest {

	private static final String PASSWORD = "changeit";
	private static final FhirContext FHIR = FhirContext.forR4Cached();

	@TempDir
	Path directory;

	private HttpsServer recipient;
	private final AtomicReference<String> clientSubject = new AtomicReference<>();
	private Path clientKeys;
	private Path serverTrust;

	@BeforeEach
	void startRecipientRequiringClientCertificates() throws Exception {
		Path serverKeys = TestCertificates.keyPair(directory, "recipient", PASSWORD);
		clientKeys = TestCertificates.keyPair(directory, "ch-exemple", PASSWORD);
		Path clientTrust = TestCertificates.trustStoreFor(directory, clientKeys, "ch-exemple", PASSWORD);
		serverTrust = TestCertificates.trustStoreFor(directory, serverKeys, "recipient", PASSWORD);
		SSLContext serverTls = TestCertificates.context(serverKeys, clientTrust, PASSWORD);
		recipient = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		recipient.setHttpsConfigurator(new HttpsConfigurator(serverTls) {
			@Override
			public void configure(HttpsParameters parameters) {
				SSLParameters ssl = serverTls.getDefaultSSLParameters();
				ssl.setNeedClientAuth(true);
				parameters.setSSLParameters(ssl);
			}
		});
		recipient.createContext("/fhir", exchange -> {
			SSLSession session = ((com.sun.net.httpserver.HttpsExchange) exchange).getSSLSession();
			clientSubject.set(((java.security.cert.X509Certificate) session.getPeerCertificates()[0]).getSubjectX500Principal().getName());
			byte[] body = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/fhir+json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		recipient.start();
	}

	@AfterEach
	void stop() {
		recipient.stop(0);
	}

	@Test
	void withTheConfiguredClientCertificateTheRecipientAnswersAndKnowsWhoCalls() {
		Optional<SSLContext> tls = DmpClientTls.of(new DmpProperties.Tls(clientKeys.toString(), PASSWORD,
				"file:" + serverTrust, PASSWORD));

		PdsmHttpRecipient transport = new PdsmHttpRecipient(FHIR, base(), tls, Optional::empty, false,
				Duration.ofSeconds(5), Duration.ofSeconds(5));

		assertThat(transport.locate("urn:oid:1.2.3")).isEmpty();
		assertThat(clientSubject.get()).isEqualTo("CN=ch-exemple");
	}

	@Test
	void withoutAClientCertificateTheHandshakeIsRefused() {
		Optional<SSLContext> trustOnly = DmpClientTls.of(new DmpProperties.Tls("", "", serverTrust.toString(), PASSWORD));
		PdsmHttpRecipient transport = new PdsmHttpRecipient(FHIR, base(), trustOnly, () -> Optional.of("token"), true,
				Duration.ofSeconds(5), Duration.ofSeconds(5));

		assertThatThrownBy(() -> transport.locate("urn:oid:1.2.3")).isInstanceOf(RecipientUnreachableException.class);
		assertThat(clientSubject.get()).isNull();
	}

	@Test
	void aWrongKeyStorePasswordIsNamedInTheError() {
		assertThatThrownBy(() -> DmpClientTls.of(new DmpProperties.Tls(clientKeys.toString(), "wrong", "", "")))
				.hasMessageContaining("ccamhub.dmp.tls");
	}

	private URI base() {
		return URI.create("https://127.0.0.1:" + recipient.getAddress().getPort() + "/fhir");
	}
}
