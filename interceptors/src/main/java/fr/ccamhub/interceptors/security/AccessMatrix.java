package fr.ccamhub.interceptors.security;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The product's access matrix: what every authenticated caller may read and run, and what each role
 * may do by resource type and by operation. It comes from configuration ({@code ccamhub.security.grants});
 * a token's SMART scopes can narrow it, never widen it.
 */
public final class AccessMatrix {

	private final Map<String, Set<Permission>> everyoneResources;
	private final Set<String> everyoneOperations;
	private final Map<Role, Map<String, Set<Permission>>> roleResources;
	private final Map<Role, Set<String>> roleOperations;

	private AccessMatrix(Builder builder) {
		this.everyoneResources = freeze(builder.everyoneResources);
		this.everyoneOperations = Collections.unmodifiableSet(new LinkedHashSet<>(builder.everyoneOperations));
		Map<Role, Map<String, Set<Permission>>> resources = new EnumMap<>(Role.class);
		builder.roleResources.forEach((role, grants) -> resources.put(role, freeze(grants)));
		this.roleResources = Collections.unmodifiableMap(resources);
		Map<Role, Set<String>> operations = new EnumMap<>(Role.class);
		builder.roleOperations.forEach((role, names) -> operations.put(role, Collections.unmodifiableSet(new LinkedHashSet<>(names))));
		this.roleOperations = Collections.unmodifiableMap(operations);
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Resource types any authenticated caller reaches (terminology and conformance resources), and how. */
	public Map<String, Set<Permission>> everyoneResources() {
		return everyoneResources;
	}

	/** Operations any authenticated caller may run (terminology operations). */
	public Set<String> everyoneOperations() {
		return everyoneOperations;
	}

	/** Resource types the role reaches and what it may do with each. */
	public Map<String, Set<Permission>> resources(Role role) {
		return roleResources.getOrDefault(role, Map.of());
	}

	/** FHIR operations (beyond the shared ones) the role may invoke. */
	public Set<String> operations(Role role) {
		return roleOperations.getOrDefault(role, Set.of());
	}

	private static Map<String, Set<Permission>> freeze(Map<String, Set<Permission>> grants) {
		Map<String, Set<Permission>> copy = new LinkedHashMap<>();
		grants.forEach((type, permissions) -> {
			if (!permissions.isEmpty()) {
				copy.put(type, Collections.unmodifiableSet(EnumSet.copyOf(permissions)));
			}
		});
		return Collections.unmodifiableMap(copy);
	}

	/** Collects grants; a type granted twice gets the union of its permissions. */
	public static final class Builder {
		private final Map<String, Set<Permission>> everyoneResources = new LinkedHashMap<>();
		private final Set<String> everyoneOperations = new LinkedHashSet<>();
		private final Map<Role, Map<String, Set<Permission>>> roleResources = new EnumMap<>(Role.class);
		private final Map<Role, Set<String>> roleOperations = new EnumMap<>(Role.class);

		private Builder() {}

		public Builder everyone(String resourceType, Set<Permission> permissions) {
			add(everyoneResources, resourceType, permissions);
			return this;
		}

		public Builder everyoneOperation(String operation) {
			everyoneOperations.add(operation);
			return this;
		}

		public Builder grant(Role role, String resourceType, Set<Permission> permissions) {
			add(roleResources.computeIfAbsent(role, r -> new LinkedHashMap<>()), resourceType, permissions);
			return this;
		}

		public Builder operation(Role role, String operation) {
			roleOperations.computeIfAbsent(role, r -> new LinkedHashSet<>()).add(operation);
			return this;
		}

		public AccessMatrix build() {
			return new AccessMatrix(this);
		}

		private static void add(Map<String, Set<Permission>> grants, String type, Set<Permission> permissions) {
			grants.computeIfAbsent(type, t -> EnumSet.noneOf(Permission.class)).addAll(permissions);
		}
	}
}
