package fr.ccamhub.server.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ccamhub.interceptors.security.AccessMatrix;
import fr.ccamhub.interceptors.security.AccessPolicy;
import fr.ccamhub.interceptors.security.AccessPrincipal;
import fr.ccamhub.interceptors.security.Permission;
import fr.ccamhub.interceptors.security.Role;
import fr.ccamhub.interceptors.security.SmartScope;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BindAuthorizationTest {

	private static final BindAuthorization AUTHORIZATION = new BindAuthorization(new AccessPolicy(AccessMatrix.builder()
			.everyone("ValueSet", Permission.of("rs"))
			.grant(Role.CLINICIAN, "Observation", Permission.all())
			.grant(Role.CLINICIAN, "Patient", Permission.all())
			.grant(Role.BILLING, "Claim", Permission.of("crus"))
			.grant(Role.DEVICE, "Observation", Permission.of("c"))
			.build()));

	@Test
	void callerWhoReadsTheWatchedTypeMayBind() {
		assertThat(AUTHORIZATION.refusal(caller(Role.CLINICIAN), "Observation?code=1234-5")).isEmpty();
		assertThat(AUTHORIZATION.refusal(caller(Role.BILLING), "ValueSet?url=x")).as("everyone's grants").isEmpty();
	}

	@Test
	void callerWhoCannotReadTheWatchedTypeIsRefusedWithTheType() {
		assertThat(AUTHORIZATION.refusal(caller(Role.BILLING), "Observation?code=1234-5"))
				.hasValueSatisfying(reason -> assertThat(reason).contains("Observation"));
		assertThat(AUTHORIZATION.refusal(caller(Role.DEVICE), "Observation?code=1234-5")).as("create only").isPresent();
	}

	@Test
	void everyTypeOfAMultiTypeCriteriaMustBeReadable() {
		assertThat(AUTHORIZATION.refusal(caller(Role.CLINICIAN), "[Observation,Patient]")).isEmpty();
		assertThat(AUTHORIZATION.refusal(caller(Role.CLINICIAN), "[Observation,Claim]"))
				.hasValueSatisfying(reason -> assertThat(reason).contains("Claim").doesNotContain("Observation,"));
	}

	@Test
	void patientConfinedGrantIsNotEnough() {
		AccessPrincipal patientApp = new AccessPrincipal("s", "s", "i", "app", EnumSet.of(Role.CLINICIAN),
				List.of(SmartScope.parse("patient/Observation.rs").orElseThrow()), true, Optional.of("123"), Set.of(), true);
		assertThat(AUTHORIZATION.refusal(patientApp, "Observation?code=1234-5")).isPresent();
	}

	@Test
	void criteriaWithoutTypesAreRefused() {
		assertThat(AUTHORIZATION.refusal(caller(Role.CLINICIAN), "*")).isPresent();
		assertThat(AUTHORIZATION.refusal(caller(Role.CLINICIAN), null)).isPresent();
	}

	@Test
	void localDeveloperBindsToClinicalSubscriptions() {
		assertThat(AUTHORIZATION.refusal(AccessPrincipal.localDeveloper(), "Observation?code=1234-5")).isEmpty();
	}

	private static AccessPrincipal caller(Role role) {
		return new AccessPrincipal("s", "s", "i", "app", EnumSet.of(role), List.of(), false, Optional.empty(), Set.of(), true);
	}
}
