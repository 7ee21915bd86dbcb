package fr.ccamhub.dmp.transport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class EndpointPolicyTest {

	@Test
	void plainHttpIsAllowedToTheLoopbackOnly() {
		assertThatCode(() -> EndpointPolicy.check(URI.create("http://127.0.0.1:8080/fhir"), false, false)).doesNotThrowAnyException();
		assertThatCode(() -> EndpointPolicy.check(URI.create("http://localhost/fhir"), false, false)).doesNotThrowAnyException();
		assertThatCode(() -> EndpointPolicy.check(URI.create("http://[::1]:8080/fhir"), false, false)).doesNotThrowAnyException();
		assertThatThrownBy(() -> EndpointPolicy.check(URI.create("http://dmp.example.fr/fhir"), true, true))
				.hasMessageContaining("plain HTTP is only allowed to a loopback address");
		assertThatThrownBy(() -> EndpointPolicy.check(URI.create("http://10.0.0.5/fhir"), false, false))
				.hasMessageContaining("loopback");
	}

	@Test
	void httpsNeedsAClientCertificateOrAToken() {
		assertThatThrownBy(() -> EndpointPolicy.check(URI.create("https://dmp.example.fr/fhir"), false, false))
				.hasMessageContaining("client certificate");
		assertThatCode(() -> EndpointPolicy.check(URI.create("https://dmp.example.fr/fhir"), true, false)).doesNotThrowAnyException();
		assertThatCode(() -> EndpointPolicy.check(URI.create("https://dmp.example.fr/fhir"), false, true)).doesNotThrowAnyException();
	}

	@Test
	void anythingButAnHttpUrlIsRefused() {
		assertThatThrownBy(() -> EndpointPolicy.check(URI.create("ftp://dmp.example.fr/"), true, true))
				.hasMessageContaining("http(s) URL");
		assertThatThrownBy(() -> EndpointPolicy.check(URI.create("dmp.example.fr"), true, true))
				.hasMessageContaining("http(s) URL");
	}
}
