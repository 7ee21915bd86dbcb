package fr.ccamhub.server.subscription;

import ca.uhn.fhir.jpa.subscription.match.matcher.subscriber.SubscriptionCriteriaParser;
import fr.ccamhub.interceptors.security.AccessPolicy;
import fr.ccamhub.interceptors.security.AccessPrincipal;
import fr.ccamhub.interceptors.security.Permission;
import fr.ccamhub.interceptors.security.ResourceGrant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a caller may bind a websocket to a Subscription: it must be allowed to read, anywhere,
 * every resource type the Subscription's criteria can match. A grant confined to patient
 * compartments is not enough, since the notifications would tell of other patients' resources.
 */
public final class BindAuthorization {

	private final AccessPolicy policy;

	public BindAuthorization(AccessPolicy policy) {
		this.policy = policy;
	}

	/** Why the caller may not bind to a Subscription with these criteria, or empty when it may. */
	public Optional<String> refusal(AccessPrincipal principal, String criteria) {
		SubscriptionCriteriaParser.SubscriptionCriteria parsed =
				criteria == null ? null : SubscriptionCriteriaParser.parse(criteria);
		Set<String> types = parsed == null ? null : parsed.getApplicableResourceTypes();
		if (types == null || types.isEmpty()) {
			return Optional.of("the Subscription's criteria do not name the resource types it matches");
		}
		List<ResourceGrant> grants = policy.grants(principal, List.of());
		Set<String> unreadable = new TreeSet<>();
		for (String type : types) {
			if (!readsAnywhere(type, grants)) {
				unreadable.add(type);
			}
		}
		if (unreadable.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of("your roles and scopes do not let you read " + String.join(", ", unreadable)
				+ " (outside a patient compartment), which this Subscription watches");
	}

	private boolean readsAnywhere(String type, List<ResourceGrant> grants) {
		Set<Permission> shared = policy.matrix().everyoneResources().getOrDefault(type, Set.of());
		if (readable(shared)) {
			return true;
		}
		return grants.stream().anyMatch(grant -> grant.resourceType().equals(type) && !grant.confined()
				&& (grant.allows(Permission.READ) || grant.allows(Permission.SEARCH)));
	}

	private static boolean readable(Set<Permission> permissions) {
		return permissions.contains(Permission.READ) || permissions.contains(Permission.SEARCH);
	}
}
