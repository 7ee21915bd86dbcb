package fr.ccamhub.server.subscription;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.subscription.match.config.SubscriptionProcessorConfig;
import ca.uhn.fhir.jpa.subscription.match.deliver.email.IEmailSender;
import ca.uhn.fhir.jpa.subscription.submit.config.SubscriptionSubmitterConfig;
import fr.ccamhub.server.fhir.StorageInterceptor;
import org.hl7.fhir.dstu2.model.Subscription.SubscriptionChannelType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * HAPI's R4 Subscription processing in this process: the submitter queues every resource change,
 * the in-memory matcher finds the active Subscriptions it matches, and rest-hook and websocket
 * channels deliver, within the limits of {@link SubscriptionProperties}.
 */
@Configuration(proxyBeanMethods = false)
@Import({SubscriptionSubmitterConfig.class, SubscriptionProcessorConfig.class})
public class SubscriptionConfig {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionConfig.class);

	@Bean
	SubscriptionSettings subscriptionSettings(SubscriptionProperties properties) {
		SubscriptionSettings settings = new SubscriptionSettings();
		settings.addSupportedSubscriptionType(SubscriptionChannelType.RESTHOOK);
		settings.addSupportedSubscriptionType(SubscriptionChannelType.WEBSOCKET);
		// Criteria the in-memory matcher cannot evaluate (chains, _has) would cost a database search per change: refused.
		settings.setOnlyAllowInMemorySubscriptions(true);
		settings.setWebsocketContextPath(SubscriptionSettings.DEFAULT_WEBSOCKET_CONTEXT_PATH);
		// HAPI records each change in the writing transaction and hands it to the matcher on this schedule (5 s by default).
		settings.setSubscriptionIntervalInMs(properties.submissionInterval().toMillis());
		return settings;
	}

	@Bean
	IEmailSender emailSender() {
		return new NoEmailSender();
	}

	@Bean
	RestHookPolicy restHookPolicy(SubscriptionProperties properties) {
		EndpointAllowList endpoints = EndpointAllowList.of(properties.allowedEndpoints());
		if (endpoints.isEmpty()) {
			log.info("Rest-hook Subscriptions are refused: {} is empty", EndpointAllowList.KEY);
		} else {
			log.info("Rest-hook Subscriptions may call {} ({} payloads)", properties.allowedEndpoints(),
					properties.allowFullPayload() ? "full-resource" : "notification-only");
		}
		return new RestHookPolicy(endpoints, properties.allowFullPayload());
	}

	@Bean
	StorageInterceptor restHookGuard(FhirContext fhirContext, RestHookPolicy policy) {
		return new StorageInterceptor(new RestHookGuardInterceptor(fhirContext, policy));
	}
}
