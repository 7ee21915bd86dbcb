package fr.ccamhub.interceptors.consent;

import java.util.Set;

/**
 * The choices in force for a patient, read from active Consent resources at the time of the
 * request (no cache, so a revocation takes effect at once).
 */
@FunctionalInterface
public interface ConsentPolicyLookup {

	Set<ConsentPolicy> activePolicies(String patientId);
}
