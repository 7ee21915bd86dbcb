package fr.ccamhub.terminology.rules;

import java.util.Map;

/**
 * Which variant of a modifier (section 19.03 numbers them) applies to which practitioner
 * category; variant 1, the general case, applies when nothing more specific is known.
 */
public record ModifierVariants(Map<String, Map<PractitionerCategory, Integer>> variants, Map<String, PractitionerCategory> specialties) {

	public int variantFor(String modifier, PractitionerCategory category) {
		return variants.getOrDefault(modifier, Map.of()).getOrDefault(category, 1);
	}

	/** Category of a CNAM medical specialty code (e.g. {@code 04} general surgery), UNSPECIFIED if unknown. */
	public PractitionerCategory categoryOfSpecialty(String cnamSpecialty) {
		return specialties.getOrDefault(cnamSpecialty, PractitionerCategory.UNSPECIFIED);
	}
}
