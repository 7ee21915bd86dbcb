package fr.ccamhub.interceptors.security;

import java.util.Locale;
import java.util.Optional;

/** What a person or system does in ccamhub; carried as a role name in the access token. */
public enum Role {
	/** Doctors and nurses: clinical records of their patients. */
	CLINICIAN,
	/** Medical coders: read acts and encounters, fix coding, complete review tasks. */
	CODER,
	/** Billing staff: claims and their responses. */
	BILLING,
	/** Auditors: the audit trail and provenance, nothing clinical in clear. */
	AUDITOR,
	/** Monitoring devices and their gateways: post Observations for linked patients. */
	DEVICE,
	/** Mon espace santé and other partners: read what patients' consent allows. */
	PARTNER,
	/** Operators: terminology loads and conformance resources, no patient data. */
	ADMIN,
	/** EHR feeds and other systems that write whole records (client credentials): transactions, Provenance. */
	INTEGRATION;

	/** The role name as written in tokens, e.g. {@code clinician}. */
	public String claimValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Role> fromClaim(String value) {
		if (value == null) {
			return Optional.empty();
		}
		String normalised = value.trim().toUpperCase(Locale.ROOT);
		for (Role role : values()) {
			if (role.name().equals(normalised)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}
}
