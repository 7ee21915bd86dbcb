package fr.ccamhub.server.validation;

import ca.uhn.fhir.context.FhirContext;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The store-time profiles by resource type, with the configured keys matched to FHIR resource
 * type names whatever their case ({@code CCAMHUB_FHIR_VALIDATION_PROFILES_PATIENT} binds as
 * {@code patient}).
 */
public final class StoreProfiles {

	private final Map<String, String> profileByType;

	private StoreProfiles(Map<String, String> profileByType) {
		this.profileByType = Map.copyOf(profileByType);
	}

	/** Resolves the configured map; a key that names no resource type or a blank profile is refused. */
	public static StoreProfiles of(FhirContext fhirContext, Map<String, String> configured) {
		Map<String, String> typesByLowerCase = new TreeMap<>();
		fhirContext.getResourceTypes().forEach(type -> typesByLowerCase.put(type.toLowerCase(Locale.ROOT), type));
		Map<String, String> resolved = new TreeMap<>();
		configured.forEach((key, profile) -> {
			String type = typesByLowerCase.get(key.trim().toLowerCase(Locale.ROOT));
			if (type == null) {
				throw new IllegalArgumentException("ccamhub.fhir.validation.profiles: '" + key + "' is not a FHIR resource type");
			}
			if (profile == null || profile.isBlank()) {
				throw new IllegalArgumentException("ccamhub.fhir.validation.profiles." + key + " needs a profile canonical");
			}
			resolved.put(type, profile.trim());
		});
		return new StoreProfiles(resolved);
	}

	/** The profile writes of this resource type must conform to, if any. */
	public Optional<String> profileOf(String resourceType) {
		return Optional.ofNullable(profileByType.get(resourceType));
	}

	public Map<String, String> asMap() {
		return profileByType;
	}

	public boolean isEmpty() {
		return profileByType.isEmpty();
	}
}
