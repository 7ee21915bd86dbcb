package fr.ccamhub.interceptors.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ccamhub.interceptors.security.SmartScope.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmartScopeTest {

	@Test
	void readsV2Scopes() {
		SmartScope scope = SmartScope.parse("patient/Observation.rs").orElseThrow();
		assertThat(scope.context()).isEqualTo(Context.PATIENT);
		assertThat(scope.resourceType()).isEqualTo("Observation");
		assertThat(scope.permissions()).containsExactly(Permission.READ, Permission.SEARCH);
		assertThat(SmartScope.parse("user/Procedure.cruds").orElseThrow().permissions()).isEqualTo(Permission.all());
		assertThat(SmartScope.parse("system/Observation.c").orElseThrow().covers("Observation", Permission.CREATE)).isTrue();
	}

	@Test
	void readsV1ScopesAsTheirV2Letters() {
		assertThat(SmartScope.parse("patient/*.read").orElseThrow().permissions())
				.containsExactly(Permission.READ, Permission.SEARCH);
		assertThat(SmartScope.parse("user/Procedure.write").orElseThrow().permissions())
				.containsExactly(Permission.CREATE, Permission.UPDATE, Permission.DELETE);
		assertThat(SmartScope.parse("system/*.*").orElseThrow().permissions()).isEqualTo(Permission.all());
	}

	@Test
	void wildcardCoversEveryTypeButOnlyItsLetters() {
		SmartScope scope = SmartScope.parse("patient/*.rs").orElseThrow();
		assertThat(scope.covers("Patient", Permission.READ)).isTrue();
		assertThat(scope.covers("Procedure", Permission.SEARCH)).isTrue();
		assertThat(scope.covers("Procedure", Permission.UPDATE)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = {"openid", "profile", "launch/patient", "patient/Observation.sr", "patient/Observation.rx",
			"patient/Observation.rs?category=vital-signs", "doctor/Observation.rs", "patient/Observation"})
	void grantsNothingForScopesItDoesNotUnderstand(String scope) {
		assertThat(SmartScope.parse(scope)).isEmpty();
	}
}
