package fr.ccamhub.server.security;

import fr.ccamhub.interceptors.security.AccessPrincipal;
import fr.ccamhub.interceptors.security.Role;
import fr.ccamhub.interceptors.security.SmartScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads a validated access token into an {@link AccessPrincipal}: roles from Keycloak's
 * {@code realm_access.roles} or a plain {@code roles} claim, SMART scopes from {@code scope} or
 * {@code scp}, launch patient from {@code patient}, purposes of use from {@code purpose_of_use},
 * client from {@code client_id} (RFC 9068) or else {@code azp}.
 */
public final class JwtAccessPrincipals {

	private JwtAccessPrincipals() {}

	public static AccessPrincipal from(Jwt jwt) {
		Set<String> scopeStrings = strings(jwt.getClaims().getOrDefault("scope", jwt.getClaims().get("scp")));
		List<SmartScope> scopes = new ArrayList<>();
		boolean declared = false;
		for (String scope : scopeStrings) {
			if (SmartScope.looksLikeResourceScope(scope)) {
				declared = true;
				SmartScope.parse(scope).ifPresent(scopes::add);
			}
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Set<String> roleNames = new LinkedHashSet<>(strings(jwt.getClaims().get("roles")));
		if (jwt.getClaims().get("realm_access") instanceof Map<?, ?> realmAccess) {
			roleNames.addAll(strings(realmAccess.get("roles")));
		}
		roleNames.forEach(name -> Role.fromClaim(name).ifPresent(roles::add));
		String clientId = firstNonBlank(jwt.getClaimAsString("client_id"), jwt.getClaimAsString("azp"), "unknown-client");
		return new AccessPrincipal(
				jwt.getSubject(),
				firstNonBlank(jwt.getClaimAsString("name"), jwt.getClaimAsString("preferred_username"), clientId),
				jwt.getIssuer() == null ? "unknown-issuer" : jwt.getIssuer().toString(),
				clientId,
				roles,
				scopes,
				declared,
				Optional.ofNullable(jwt.getClaimAsString("patient")).filter(s -> !s.isBlank()),
				strings(jwt.getClaims().get("purpose_of_use")),
				true);
	}

	private static Set<String> strings(Object claim) {
		Set<String> values = new LinkedHashSet<>();
		if (claim instanceof String text) {
			for (String part : text.trim().split("\\s+")) {
				if (!part.isEmpty()) {
					values.add(part);
				}
			}
		} else if (claim instanceof Collection<?> collection) {
			collection.forEach(item -> values.add(String.valueOf(item)));
		}
		return values;
	}

	private static String firstNonBlank(String... candidates) {
		for (String candidate : candidates) {
			if (candidate != null && !candidate.isBlank()) {
				return candidate;
			}
		}
		return null;
	}
}
