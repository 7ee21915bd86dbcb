package fr.ccamhub.server.consent;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ccamhub.interceptors.consent.ConsentPolicy;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VersionedConsentPolicyLookupTest {

	private final Map<String, Long> versions = new HashMap<>();
	private final Map<String, Set<ConsentPolicy>> stored = new HashMap<>();
	private final AtomicInteger storeReads = new AtomicInteger();
	private final VersionedConsentPolicyLookup lookup = new VersionedConsentPolicyLookup(patient -> {
		storeReads.incrementAndGet();
		return stored.getOrDefault(patient, EnumSet.noneOf(ConsentPolicy.class));
	}, patient -> versions.getOrDefault(patient, 0L), 100);

	@Test
	void aPatientsPoliciesAreReadOnceWhileTheirVersionStays() {
		stored.put("1", EnumSet.of(ConsentPolicy.OPPOSITION_SHARING));

		assertThat(lookup.activePolicies("1")).containsExactly(ConsentPolicy.OPPOSITION_SHARING);
		assertThat(lookup.activePolicies("1")).containsExactly(ConsentPolicy.OPPOSITION_SHARING);

		assertThat(storeReads).hasValue(1);
	}

	@Test
	void aRevocationIsSeenByTheNextLookupOnceItsVersionIsRaised() {
		stored.put("1", EnumSet.of(ConsentPolicy.OPPOSITION_SHARING));
		lookup.activePolicies("1");

		stored.put("1", EnumSet.noneOf(ConsentPolicy.class));
		versions.put("1", 1L);

		assertThat(lookup.activePolicies("1")).isEmpty();
		assertThat(storeReads).hasValue(2);
	}

	@Test
	void patientsAreCachedApart() {
		stored.put("1", EnumSet.of(ConsentPolicy.RESTRICTED_ACCESS));
		lookup.activePolicies("1");

		assertThat(lookup.activePolicies("2")).isEmpty();
		assertThat(storeReads).hasValue(2);
	}
}
