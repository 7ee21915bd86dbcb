package fr.ccamhub.server.consent;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.ccamhub.interceptors.consent.ConsentPolicy;
import fr.ccamhub.interceptors.consent.ConsentPolicyLookup;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Patients' consent policies, cached and checked against the patient's version ({@link ConsentVersions}) on every lookup: a cached answer is
 * used only while the patient's counter is the one it was read at. The version is read before the Consents, so a
 * write racing with the lookup at worst makes the next lookup read again. A transaction that writes Consents reads
 * them uncached, and caches nothing.
 */
public final class VersionedConsentPolicyLookup implements ConsentPolicyLookup {

	private record Cached(long version, Set<ConsentPolicy> policies) {}

	private final ConsentPolicyLookup store;
	private final ToLongFunction<String> versions;
	private final Cache<String, Cached> cache;

	public VersionedConsentPolicyLookup(ConsentPolicyLookup store, ToLongFunction<String> versions, long maximumPatients) {
		this.store = store;
		this.versions = versions;
		this.cache = Caffeine.newBuilder().maximumSize(maximumPatients).build();
	}

	@Override
	public Set<ConsentPolicy> activePolicies(String patientId) {
		if (ConsentVersions.changedInCurrentTransaction()) {
			return store.activePolicies(patientId);
		}
		long version = versions.applyAsLong(patientId);
		Cached cached = cache.getIfPresent(patientId);
		if (cached != null && cached.version() == version) {
			return cached.policies();
		}
		Set<ConsentPolicy> policies = Set.copyOf(store.activePolicies(patientId));
		cache.put(patientId, new Cached(version, policies));
		return policies;
	}
}
