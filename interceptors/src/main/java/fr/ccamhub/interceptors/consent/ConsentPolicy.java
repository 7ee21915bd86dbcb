package fr.ccamhub.interceptors.consent;

import java.util.Optional;

/**
 * The patient choices ccamhub enforces, recorded as active {@code Consent} resources whose
 * {@code policyRule} carries one of these codes (system {@link #SYSTEM}).
 */
public enum ConsentPolicy {
	/** Opposition to sharing with the DMP / Mon espace santé (PAM FR ZFD, "opposition à l'alimentation"). */
	OPPOSITION_SHARING("opposition-partage-dmp"),
	/** Opposition to the reuse of the patient's data for research. */
	OPPOSITION_RESEARCH("opposition-recherche"),
	/** Record restricted to break-the-glass access (e.g. a patient who asked for it, a VIP). */
	RESTRICTED_ACCESS("acces-restreint");

	public static final String SYSTEM = "https://fhir.ccamhub.fr/CodeSystem/consent-policy";

	private final String code;

	ConsentPolicy(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static Optional<ConsentPolicy> fromCode(String system, String code) {
		if (!SYSTEM.equals(system)) {
			return Optional.empty();
		}
		for (ConsentPolicy policy : values()) {
			if (policy.code.equals(code)) {
				return Optional.of(policy);
			}
		}
		return Optional.empty();
	}
}
