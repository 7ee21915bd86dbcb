package fr.ccamhub.interceptors.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

	private static final AccessPolicy POLICY = new AccessPolicy(AccessMatrix.builder()
			.grant(Role.CODER, "Procedure", Permission.of("rus"))
			.grant(Role.CODER, "Patient", Permission.of("rs"))
			.grant(Role.CLINICIAN, "Observation", Permission.all())
			.grant(Role.CLINICIAN, "Patient", Permission.all())
			.grant(Role.BILLING, "Claim", Permission.of("crus"))
			.grant(Role.DEVICE, "Observation", Permission.of("c"))
			.grant(Role.AUDITOR, "AuditEvent", Permission.of("rs"))
			.operation(Role.AUDITOR, "$verify")
			.operation(Role.BILLING, "$ccam-price")
			.operation(Role.CODER, "$suggest-ccam")
			.everyoneOperation("$lookup")
			.build());

	@Test
	void rolesAloneGrantTheirWholeRow() {
		List<ResourceGrant> grants = POLICY.grants(principal(Set.of(Role.CODER), List.of(), false, null), List.of());
		assertThat(grant(grants, "Procedure").permissions()).containsExactlyInAnyOrder(Permission.READ, Permission.UPDATE, Permission.SEARCH);
		assertThat(grant(grants, "Procedure").confined()).isFalse();
		assertThat(grants).noneMatch(g -> g.resourceType().equals("Claim"));
		assertThat(grants).noneMatch(g -> g.resourceType().equals("AuditEvent"));
	}

	@Test
	void scopesNarrowRolesAndNeverWidenThem() {
		AccessPrincipal coder = principal(Set.of(Role.CODER), scopes("user/*.cruds"), true, null);
		List<ResourceGrant> grants = POLICY.grants(coder, List.of());
		assertThat(grant(grants, "Procedure").permissions()).doesNotContain(Permission.CREATE, Permission.DELETE);
		assertThat(grants).noneMatch(g -> g.resourceType().equals("Claim"));

		AccessPrincipal narrow = principal(Set.of(Role.CLINICIAN), scopes("user/Observation.rs"), true, null);
		assertThat(POLICY.grants(narrow, List.of())).extracting(ResourceGrant::resourceType).containsExactly("Observation");
	}

	@Test
	void patientScopesConfineToTheLaunchPatient() {
		AccessPrincipal coder = principal(Set.of(Role.CODER), scopes("patient/*.rs"), true, "123");
		ResourceGrant patient = grant(POLICY.grants(coder, List.of()), "Patient");
		assertThat(patient.patientCompartments()).containsExactly("123");
	}

	@Test
	void patientScopesWithoutALaunchPatientGrantNothing() {
		AccessPrincipal coder = principal(Set.of(Role.CODER), scopes("patient/*.rs"), true, null);
		assertThat(POLICY.grants(coder, List.of())).isEmpty();
	}

	@Test
	void unusableScopesStillCountAsDeclaredAndGrantNothing() {
		AccessPrincipal clinician = principal(Set.of(Role.CLINICIAN), List.of(), true, null);
		assertThat(POLICY.grants(clinician, List.of())).isEmpty();
	}

	@Test
	void devicesAreConfinedToTheirLinkedPatients() {
		List<ResourceGrant> grants = POLICY.grants(principal(Set.of(Role.DEVICE), List.of(), false, null), List.of("p1", "p2"));
		assertThat(grants).singleElement().satisfies(g -> {
			assertThat(g.resourceType()).isEqualTo("Observation");
			assertThat(g.permissions()).containsExactly(Permission.CREATE);
			assertThat(g.patientCompartments()).containsExactly("p1", "p2");
		});
	}

	@Test
	void operationsFollowRoles() {
		assertThat(POLICY.operations(principal(Set.of(Role.AUDITOR), List.of(), false, null))).containsExactly("$verify");
		assertThat(POLICY.operations(principal(Set.of(Role.BILLING), List.of(), false, null)))
				.contains("$ccam-price").doesNotContain("$suggest-ccam", "$verify");
	}

	@Test
	void rolesAddUpAndSharedOperationsAreOpenToEveryone() {
		AccessPrincipal both = principal(Set.of(Role.CODER, Role.CLINICIAN), List.of(), false, null);
		assertThat(grant(POLICY.grants(both, List.of()), "Patient").permissions()).isEqualTo(Permission.all());
		assertThat(POLICY.mayRun(both, "$lookup")).isTrue();
		assertThat(POLICY.mayRun(both, "$suggest-ccam")).isTrue();
		assertThat(POLICY.mayRun(both, "$verify")).isFalse();
	}

	@Test
	void configuredGrantsParseStrictly() {
		assertThat(Permission.parseGrant("cruds")).isEqualTo(Permission.all());
		assertThat(Permission.parseGrant("none")).isEmpty();
		assertThat(Permission.parseGrant(" ")).isEmpty();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Permission.parseGrant("rc"))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'rc'");
		assertThat(Permission.letters(Permission.of("rs"))).isEqualTo("rs");
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
