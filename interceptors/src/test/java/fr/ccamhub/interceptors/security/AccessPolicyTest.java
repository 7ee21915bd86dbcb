package fr.ccamhub.interceptors.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

	@Test
	void rolesAloneGrantTheirWholeRow() {
		List<ResourceGrant> grants = AccessPolicy.grants(principal(Set.of(Role.CODER), List.of(), false, null), List.of());
		assertThat(grant(grants, "Procedure").permissions()).containsExactlyInAnyOrder(Permission.READ, Permission.UPDATE, Permission.SEARCH);
		assertThat(grant(grants, "Procedure").confined()).isFalse();
		assertThat(grants).noneMatch(g -> g.resourceType().equals("Claim"));
		assertThat(grants).noneMatch(g -> g.resourceType().equals("AuditEvent"));
	}

	@Test
	void scopesNarrowRolesAndNeverWidenThem() {
		AccessPrincipal coder = principal(Set.of(Role.CODER), scopes("user/*.cruds"), true, null);
		List<ResourceGrant> grants = AccessPolicy.grants(coder, List.of());
		assertThat(grant(grants, "Procedure").permissions()).doesNotContain(Permission.CREATE, Permission.DELETE);
		assertThat(grants).noneMatch(g -> g.resourceType().equals("Claim"));

		AccessPrincipal narrow = principal(Set.of(Role.CLINICIAN), scopes("user/Observation.rs"), true, null);
		assertThat(AccessPolicy.grants(narrow, List.of())).extracting(ResourceGrant::resourceType).containsExactly("Observation");
	}

	@Test
	void patientScopesConfineToTheLaunchPatient() {
		AccessPrincipal coder = principal(Set.of(Role.CODER), scopes("patient/*.rs"), true, "123");
		ResourceGrant patient = grant(AccessPolicy.grants(coder, List.of()), "Patient");
		assertThat(patient.patientCompartments()).containsExactly("123");
	}

	@Test
	void patientScopesWithoutALaunchPatientGrantNothing() {
		AccessPrincipal coder = principal(Set.of(Role.CODER), scopes("patient/*.rs"), true, null);
		assertThat(AccessPolicy.grants(coder, List.of())).isEmpty();
	}

	@Test
	void unusableScopesStillCountAsDeclaredAndGrantNothing() {
		AccessPrincipal clinician = principal(Set.of(Role.CLINICIAN), List.of(), true, null);
		assertThat(AccessPolicy.grants(clinician, List.of())).isEmpty();
	}

	@Test
	void devicesAreConfinedToTheirLinkedPatients() {
		List<ResourceGrant> grants = AccessPolicy.grants(principal(Set.of(Role.DEVICE), List.of(), false, null), List.of("p1", "p2"));
		assertThat(grants).singleElement().satisfies(g -> {
			assertThat(g.resourceType()).isEqualTo("Observation");
			assertThat(g.permissions()).containsExactly(Permission.CREATE);
			assertThat(g.patientCompartments()).containsExactly("p1", "p2");
		});
	}

	@Test
	void operationsFollowRoles() {
		assertThat(AccessPolicy.operations(principal(Set.of(Role.AUDITOR), List.of(), false, null))).containsExactly("$verify");
		assertThat(AccessPolicy.operations(principal(Set.of(Role.BILLING), List.of(), false, null)))
				.contains("$ccam-price").doesNotContain("$suggest-ccam", "$verify");
	}

	private static ResourceGrant grant(List<ResourceGrant> grants, String type) {
		return grants.stream().filter(g -> g.resourceType().equals(type)).findFirst().orElseThrow();
	}

	private static List<SmartScope> scopes(String... scopes) {
		return Stream.of(scopes).map(s -> SmartScope.parse(s).orElseThrow()).toList();
	}

	private static AccessPrincipal principal(Set<Role> roles, List<SmartScope> scopes, boolean declared, String patient) {
		return new AccessPrincipal("sub", "Name", "https://issuer", "client", roles, scopes, declared,
				Optional.ofNullable(patient), Set.of(), true);
	}
}
