package fr.ccamhub.server.subscription;

import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscription;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscriptionChannelType;
import java.util.Optional;
import org.hl7.fhir.r4.model.Subscription;

/**
 * Decides whether a rest-hook Subscription may be stored and delivered: its endpoint must be
 * allow-listed, and it may ask for the resource itself only when full payloads are allowed.
 */
public final class RestHookPolicy {

	static final String PAYLOAD_KEY = "ccamhub.subscriptions.allow-full-payload";

	private final EndpointAllowList endpoints;
	private final boolean allowFullPayload;

	public RestHookPolicy(EndpointAllowList endpoints, boolean allowFullPayload) {
		this.endpoints = endpoints;
		this.allowFullPayload = allowFullPayload;
	}

	/** Why this Subscription may not be stored, or empty when it may. */
	public Optional<Refusal> refusal(Subscription subscription) {
		Subscription.SubscriptionChannelComponent channel = subscription.getChannel();
		if (channel.getType() != Subscription.SubscriptionChannelType.RESTHOOK) {
			return Optional.empty();
		}
		if (!endpoints.allows(channel.getEndpoint())) {
			String reason = endpoints.isEmpty()
					? "rest-hook Subscriptions are off: " + EndpointAllowList.KEY + " is empty"
					: "endpoint '" + channel.getEndpoint() + "' is not in " + EndpointAllowList.KEY;
			return Optional.of(new Refusal("Subscription.channel.endpoint", reason));
		}
		// The payload element also carries HAPI's payload-search-criteria extension, which delivers resources too.
		if (!allowFullPayload && !channel.getPayloadElement().isEmpty()) {
			return Optional.of(new Refusal("Subscription.channel.payload",
					"full-resource payloads are off (" + PAYLOAD_KEY + "): leave channel.payload empty to be notified"
							+ " without the resource, then read it with your own token"));
		}
		return Optional.empty();
	}

	/**
	 * Whether an active Subscription may be delivered now: the same rules at delivery time, for
	 * Subscriptions stored before the allow-list changed.
	 */
	public boolean allowsDelivery(CanonicalSubscription subscription) {
		if (subscription.getChannelType() != CanonicalSubscriptionChannelType.RESTHOOK) {
			return true;
		}
		boolean fullPayload = isSet(subscription.getPayloadString()) || isSet(subscription.getPayloadSearchCriteria());
		return endpoints.allows(subscription.getEndpointUrl()) && (allowFullPayload || !fullPayload);
	}

	private static boolean isSet(String value) {
		return value != null && !value.isBlank();
	}

	/**
	 * @param expression the FHIRPath of the refused element
	 * @param reason what is wrong and which key decides it
	 */
	public record Refusal(String expression, String reason) {}
}
