package fr.ccamhub.interceptors.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes what a caller may do: the union of its roles' grants in the {@link AccessMatrix},
 * narrowed by its SMART scopes when the token carries any. A grant reached only through
 * {@code patient/} scopes is confined to the launch patient; a device's grants to the patients it
 * is linked to.
 */
public final class AccessPolicy {

	private final AccessMatrix matrix;

	public AccessPolicy(AccessMatrix matrix) {
		this.matrix = matrix;
	}

	public AccessMatrix matrix() {
		return matrix;
	}

	/**
	 * @param principal the caller
	 * @param devicePatients patients linked to the calling device (used for the device role only)
	 */
	public List<ResourceGrant> grants(AccessPrincipal principal, List<String> devicePatients) {
		Map<String, Set<Permission>> byRole = new LinkedHashMap<>();
		for (Role role : principal.roles()) {
			matrix.resources(role).forEach((type, permissions) ->
					byRole.computeIfAbsent(type, t -> EnumSet.noneOf(Permission.class)).addAll(permissions));
		}
		List<ResourceGrant> grants = new ArrayList<>();
		byRole.forEach((type, permissions) -> {
			ResourceGrant grant = narrowByScopes(principal, type, permissions);
			if (grant != null && principal.roles().equals(EnumSet.of(Role.DEVICE))) {
				grant = new ResourceGrant(type, grant.permissions(), devicePatients);
			}
			if (grant != null && !grant.permissions().isEmpty()) {
				grants.add(grant);
			}
		});
		return grants;
	}

	/** Operations the caller may invoke beyond the shared ones. */
	public Set<String> operations(AccessPrincipal principal) {
		Set<String> operations = new LinkedHashSet<>();
		for (Role role : principal.roles()) {
			operations.addAll(matrix.operations(role));
		}
		return operations;
	}

	/** Whether any of the caller's roles may run this operation (shared operations included). */
	public boolean mayRun(AccessPrincipal principal, String operation) {
		return matrix.everyoneOperations().contains(operation) || operations(principal).contains(operation);
	}

	private static ResourceGrant narrowByScopes(AccessPrincipal principal, String type, Set<Permission> rolePermissions) {
		if (!principal.scopesDeclared()) {
			return new ResourceGrant(type, rolePermissions, null);
		}
		Set<Permission> unconfined = EnumSet.noneOf(Permission.class);
		Set<Permission> patientOnly = EnumSet.noneOf(Permission.class);
		for (SmartScope scope : principal.scopes()) {
			for (Permission permission : rolePermissions) {
				if (scope.covers(type, permission)) {
					(scope.context() == SmartScope.Context.PATIENT ? patientOnly : unconfined).add(permission);
				}
			}
		}
		if (!unconfined.isEmpty()) {
			// A mixed grant would need two rules; the unconfined scope wins for the letters it covers.
			return new ResourceGrant(type, unconfined, null);
		}
		if (!patientOnly.isEmpty() && principal.patientContext().isPresent()) {
			return new ResourceGrant(type, patientOnly, List.of(principal.patientContext().get()));
		}
		return null;
	}
}
