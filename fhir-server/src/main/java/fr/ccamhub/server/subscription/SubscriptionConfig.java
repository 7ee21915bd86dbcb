package fr.ccamhub.server.subscription;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.subscription.match.config.SubscriptionProcessorConfig;
import ca.uhn.fhir.jpa.subscription.match.deliver.email.IEmailSender;
import ca.uhn.fhir.jpa.subscription.submit.config.SubscriptionSubmitterConfig;
import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionRegistry;
import ca.uhn.fhir.jpa.subscription.submit.interceptor.SubscriptionMatcherInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
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

	/**
	 * HAPI's submitter bean is replaced, before it is registered, by one that skips changes while no Subscription is
	 * active. (Its fields are injected by Spring, so the replacement is wired the same way.)
	 */
	@Bean
	static BeanPostProcessor activeSubscriptionsOnly(ObjectProvider<AutowireCapableBeanFactory> beanFactory,
			ObjectProvider<SubscriptionRegistry> registry, ObjectProvider<FhirContext> fhirContext) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean.getClass() != SubscriptionMatcherInterceptor.class) {
					return bean;
				}
				ActiveSubscriptionsMatcherInterceptor replacement =
						new ActiveSubscriptionsMatcherInterceptor(fhirContext.getObject(), registry.getObject());
				beanFactory.getObject().autowireBean(replacement);
				return replacement;
			}
		};
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
