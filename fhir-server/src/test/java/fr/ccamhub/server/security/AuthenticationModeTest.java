package fr.ccamhub.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthenticationModeTest {

	@Test
	void anIssuerTurnsAuthenticationOnWhateverTheInterface() {
		assertThat(AuthenticationMode.decide("0.0.0.0", List.of("https://keycloak/realms/ccamhub"))).isEqualTo(AuthenticationMode.ON);
		assertThat(AuthenticationMode.decide("127.0.0.1", List.of("https://keycloak/realms/ccamhub"))).isEqualTo(AuthenticationMode.ON);
	}

	@Test
	void noIssuerIsAllowedOnLoopbackOnly() {
		assertThat(AuthenticationMode.decide("127.0.0.1", List.of())).isEqualTo(AuthenticationMode.OFF_LOOPBACK_ONLY);
		assertThat(AuthenticationMode.decide("::1", List.of())).isEqualTo(AuthenticationMode.OFF_LOOPBACK_ONLY);
		assertThat(AuthenticationMode.decide("localhost", List.of())).isEqualTo(AuthenticationMode.OFF_LOOPBACK_ONLY);
	}

	@Test
	void noIssuerOnAnyOtherInterfaceRefusesToStart() {
		assertThatThrownBy(() -> AuthenticationMode.decide("0.0.0.0", List.of()))
				.hasMessageContaining("Refusing to start").hasMessageContaining("0.0.0.0");
		assertThatThrownBy(() -> AuthenticationMode.decide(null, List.of()))
				.hasMessageContaining("every network interface");
	}

	@Test
	void trustsSpringsIssuerThenTheAdditionalOnes() {
		assertThat(AuthenticationMode.trustedIssuers("https://a", List.of(" https://b ", "")))
				.containsExactly("https://a", "https://b");
		assertThat(AuthenticationMode.trustedIssuers("", List.of())).isEmpty();
	}
}
