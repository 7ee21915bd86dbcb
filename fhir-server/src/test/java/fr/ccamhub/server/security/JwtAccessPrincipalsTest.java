package fr.ccamhub.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ccamhub.interceptors.security.AccessPrincipal;
import fr.ccamhub.interceptors.security.Permission;
import fr.ccamhub.interceptors.security.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtAccessPrincipalsTest {

	@Test
	void readsAKeycloakServiceAccountToken() {
		Jwt jwt = jwt(Map.of(
				"sub", "162fa9be",
				"azp", "ehr-connector",
				"preferred_username", "service-account-ehr-connector",
				"realm_access", Map.of("roles", List.of("clinician", "default-roles-ccamhub")),
				"scope", "email profile"));

		AccessPrincipal principal = JwtAccessPrincipals.from(jwt);

		assertThat(principal.roles()).containsExactly(Role.CLINICIAN);
		assertThat(principal.clientId()).isEqualTo("ehr-connector");
		assertThat(principal.displayName()).isEqualTo("service-account-ehr-connector");
		assertThat(principal.scopesDeclared()).isFalse();
		assertThat(principal.issuer()).isEqualTo("https://keycloak.example/realms/ccamhub");
	}

	@Test
	void readsSmartScopesLaunchPatientAndPurposeOfUse() {
		Jwt jwt = jwt(Map.of(
				"sub", "coder-1",
				"client_id", "coder-console",
				"roles", List.of("coder"),
				"scp", List.of("openid", "patient/Procedure.rus", "patient/Observation.rs?category=laboratory"),
				"patient", "123",
				"purpose_of_use", "TREAT"));

		AccessPrincipal principal = JwtAccessPrincipals.from(jwt);

		assertThat(principal.roles()).containsExactly(Role.CODER);
		assertThat(principal.scopesDeclared()).isTrue();
		assertThat(principal.scopes()).singleElement().satisfies(scope ->
				assertThat(scope.permissions()).containsExactly(Permission.READ, Permission.UPDATE, Permission.SEARCH));
		assertThat(principal.patientContext()).contains("123");
		assertThat(principal.purposesOfUse()).containsExactly("TREAT");
	}

	private static Jwt jwt(Map<String, Object> claims) {
		Jwt.Builder builder = Jwt.withTokenValue("token")
				.header("alg", "RS256")
				.issuer("https://keycloak.example/realms/ccamhub")
				.issuedAt(Instant.now())
				.expiresAt(Instant.now().plusSeconds(300));
		claims.forEach(builder::claim);
		return builder.build();
	}
}
