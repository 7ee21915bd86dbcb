package fr.ccamhub.interceptors.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as established by authentication: the token's subject and issuer, the client
 * application, roles, SMART scopes and launch context. Built once per request at the edge.
 *
 * @param subject token subject ({@code sub}), stable per issuer
 * @param displayName human-readable name for audit trails
 * @param issuer token issuer
 * @param clientId OAuth client ({@code azp} / {@code client_id})
 * @param roles ccamhub roles held
 * @param scopes SMART resource scopes granted; empty when the token carries none
 * @param scopesDeclared whether the token carried any SMART resource scope (even unusable ones)
 * @param patientContext launch patient id for {@code patient/} scopes
 * @param purposesOfUse HL7 v3 PurposeOfUse codes asserted by the token (e.g. TREAT, BTG, HRESCH)
 * @param authenticated false only for the local developer when authentication is off
 */
public record AccessPrincipal(
		String subject,
		String displayName,
		String issuer,
		String clientId,
		Set<Role> roles,
		List<SmartScope> scopes,
		boolean scopesDeclared,
		Optional<String> patientContext,
		Set<String> purposesOfUse,
		boolean authenticated) {

	public AccessPrincipal {
		roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		scopes = List.copyOf(scopes);
		purposesOfUse = Set.copyOf(purposesOfUse);
	}

	/**
	 * The person at the keyboard when authentication is off (loopback only): every role but the
	 * partner and device ones, which would hide data or restrict writes for no reason.
	 */
	public static AccessPrincipal localDeveloper() {
		return new AccessPrincipal(
				"local-developer",
				"Local developer (authentication off)",
				"local",
				"local",
				EnumSet.of(Role.CLINICIAN, Role.CODER, Role.BILLING, Role.AUDITOR, Role.ADMIN, Role.INTEGRATION),
				List.of(),
				false,
				Optional.empty(),
				Set.of(),
				false);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}
}
