package fr.ccamhub.interceptors.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a caller may do with one resource type, and where: anywhere, or only in the compartments
 * of the listed patients (a {@code patient/} scope's launch patient, a device's linked patients).
 *
 * @param resourceType the FHIR resource type
 * @param permissions interactions allowed
 * @param patientCompartments patient ids the grant is confined to; {@code null} means unconfined
 */
public record ResourceGrant(String resourceType, Set<Permission> permissions, List<String> patientCompartments) {

	public ResourceGrant {
		permissions = permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
		patientCompartments = patientCompartments == null ? null : List.copyOf(patientCompartments);
	}

	public boolean confined() {
		return patientCompartments != null;
	}

	public boolean allows(Permission permission) {
		return permissions.contains(permission);
	}
}
