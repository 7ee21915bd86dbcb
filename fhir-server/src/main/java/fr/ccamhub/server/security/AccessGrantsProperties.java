package fr.ccamhub.server.security;

import ca.uhn.fhir.context.FhirContext;
import fr.ccamhub.interceptors.security.AccessMatrix;
import fr.ccamhub.interceptors.security.Permission;
import fr.ccamhub.interceptors.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The access matrix as configuration ({@code ccamhub.security.grants}): per role, the resource types it
 * reaches with SMART letters ({@code Patient: cruds}, {@code Provenance: rs}, {@code none} to withdraw)
 * and the operations it may run; {@code everyone} holds what any authenticated caller may do.
 *
 * @param everyone grants of every authenticated caller (terminology and conformance reads)
 * @param roles grants per role name ({@code clinician}, {@code integration}, …)
 */
@ConfigurationProperties("ccamhub.security.grants")
public record AccessGrantsProperties(RoleGrant everyone, Map<String, RoleGrant> roles) {

	/**
	 * @param resources resource type → permission letters
	 * @param operations operation names, with their {@code $}
	 */
	public record RoleGrant(Map<String, String> resources, List<String> operations) {
		public RoleGrant {
			resources = resources == null ? Map.of() : Map.copyOf(resources);
			operations = operations == null ? List.of() : List.copyOf(operations);
		}
	}

	public AccessGrantsProperties {
		everyone = everyone == null ? new RoleGrant(null, null) : everyone;
		roles = roles == null ? Map.of() : Map.copyOf(roles);
	}

	/**
	 * The matrix these settings describe. Resource type names are matched to R4's whatever their case
	 * (environment variables lower-case map keys); an unknown role, type, letter or operation name
	 * fails start-up with the key to fix.
	 */
	public AccessMatrix toMatrix(FhirContext fhirContext) {
		Map<String, String> typesByLowerCase = new TreeMap<>();
		for (String type : fhirContext.getResourceTypes()) {
			typesByLowerCase.put(type.toLowerCase(Locale.ROOT), type);
		}
		List<String> errors = new ArrayList<>();
		AccessMatrix.Builder matrix = AccessMatrix.builder();
		everyone.resources().forEach((type, letters) -> {
			String key = "ccamhub.security.grants.everyone.resources." + type;
			Set<Permission> permissions = permissions(key, letters, errors);
			String canonical = resourceType(key, type, typesByLowerCase, errors);
			if (canonical != null && permissions != null) {
				matrix.everyone(canonical, permissions);
			}
		});
		everyone.operations().forEach(operation -> {
			if (operationName("ccamhub.security.grants.everyone.operations", operation, errors)) {
				matrix.everyoneOperation(operation.trim());
			}
		});
		roles.forEach((roleName, grant) -> {
			String prefix = "ccamhub.security.grants.roles." + roleName;
			Role role = Role.fromClaim(roleName.replace('-', '_')).orElse(null);
			if (role == null) {
				errors.add(prefix + ": unknown role '" + roleName + "' (known: " + knownRoles() + ")");
				return;
			}
			grant.resources().forEach((type, letters) -> {
				String key = prefix + ".resources." + type;
				Set<Permission> permissions = permissions(key, letters, errors);
				String canonical = resourceType(key, type, typesByLowerCase, errors);
				if (canonical != null && permissions != null) {
					matrix.grant(role, canonical, permissions);
				}
			});
			grant.operations().forEach(operation -> {
				if (operationName(prefix + ".operations", operation, errors)) {
					matrix.operation(role, operation.trim());
				}
			});
		});
		if (!errors.isEmpty()) {
			throw new IllegalStateException("Invalid access matrix: " + String.join("; ", errors));
		}
		return matrix.build();
	}

	private static Set<Permission> permissions(String key, String letters, List<String> errors) {
		try {
			return Permission.parseGrant(letters);
		} catch (IllegalArgumentException e) {
			errors.add(key + ": " + e.getMessage());
			return null;
		}
	}

	private static String resourceType(String key, String type, Map<String, String> typesByLowerCase, List<String> errors) {
		String canonical = typesByLowerCase.get(type.trim().toLowerCase(Locale.ROOT));
		if (canonical == null) {
			errors.add(key + ": '" + type + "' is not an R4 resource type");
		}
		return canonical;
	}

	private static boolean operationName(String key, String operation, List<String> errors) {
		if (operation == null || !operation.trim().matches("\\$[A-Za-z][A-Za-z0-9-]*")) {
			errors.add(key + ": '" + operation + "' is not an operation name (e.g. $everything)");
			return false;
		}
		return true;
	}

	private static String knownRoles() {
		List<String> names = new ArrayList<>();
		for (Role role : Role.values()) {
			names.add(role.claimValue());
		}
		return String.join(", ", names);
	}
}
