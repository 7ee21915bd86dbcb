package fr.ccamhub.server.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscription;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscriptionChannelType;
import java.util.List;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;

class RestHookPolicyTest {

	private static final EndpointAllowList LOOPBACK = EndpointAllowList.of(List.of("http://127.0.0.1:*"));

	@Test
	void refusesEndpointOutsideTheAllowList() {
		RestHookPolicy policy = new RestHookPolicy(LOOPBACK, false);
		assertThat(policy.refusal(restHook("https://evil.example/hook"))).hasValueSatisfying(refusal -> {
			assertThat(refusal.expression()).isEqualTo("Subscription.channel.endpoint");
			assertThat(refusal.reason()).contains("ccamhub.subscriptions.allowed-endpoints");
		});
		assertThat(policy.refusal(restHook("http://127.0.0.1:9/hook"))).isEmpty();
	}

	@Test
	void refusesEveryRestHookWhenTheAllowListIsEmpty() {
		RestHookPolicy policy = new RestHookPolicy(EndpointAllowList.of(List.of()), true);
		assertThat(policy.refusal(restHook("http://127.0.0.1:9/hook")))
				.hasValueSatisfying(refusal -> assertThat(refusal.reason()).contains("is empty"));
	}

	@Test
	void refusesPayloadUnlessFullPayloadsAreAllowed() {
		Subscription withPayload = restHook("http://127.0.0.1:9/hook");
		withPayload.getChannel().setPayload("application/fhir+json");
		assertThat(new RestHookPolicy(LOOPBACK, false).refusal(withPayload)).hasValueSatisfying(refusal -> {
			assertThat(refusal.expression()).isEqualTo("Subscription.channel.payload");
			assertThat(refusal.reason()).contains("ccamhub.subscriptions.allow-full-payload");
		});
		assertThat(new RestHookPolicy(LOOPBACK, true).refusal(withPayload)).isEmpty();
	}

	@Test
	void refusesPayloadSearchCriteriaExtensionWithoutPayloadValue() {
		Subscription subscription = restHook("http://127.0.0.1:9/hook");
		subscription.getChannel().getPayloadElement().addExtension(
				"http://hapifhir.io/fhir/StructureDefinition/subscription-payload-search-criteria", new StringType("Patient?_id=1"));
		assertThat(new RestHookPolicy(LOOPBACK, false).refusal(subscription)).isPresent();
	}

	@Test
	void websocketSubscriptionsAreNotConcerned() {
		Subscription websocket = new Subscription();
		websocket.getChannel().setType(Subscription.SubscriptionChannelType.WEBSOCKET).setPayload("application/fhir+json");
		assertThat(new RestHookPolicy(EndpointAllowList.of(List.of()), false).refusal(websocket)).isEmpty();
	}

	@Test
	void deliveryIsCheckedAgainstTheCurrentRules() {
		CanonicalSubscription stored = new CanonicalSubscription();
		stored.setChannelType(CanonicalSubscriptionChannelType.RESTHOOK);
		stored.setEndpointUrl("https://evil.example/hook");
		assertThat(new RestHookPolicy(LOOPBACK, false).allowsDelivery(stored)).isFalse();
		stored.setEndpointUrl("http://127.0.0.1:9/hook");
		assertThat(new RestHookPolicy(LOOPBACK, false).allowsDelivery(stored)).isTrue();
		stored.setPayloadString("application/fhir+json");
		assertThat(new RestHookPolicy(LOOPBACK, false).allowsDelivery(stored)).isFalse();
		assertThat(new RestHookPolicy(LOOPBACK, true).allowsDelivery(stored)).isTrue();
	}

	private static Subscription restHook(String endpoint) {
		Subscription subscription = new Subscription();
		subscription.setCriteria("Observation?code=1234-5");
		subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(endpoint);
		return subscription;
	}
}
