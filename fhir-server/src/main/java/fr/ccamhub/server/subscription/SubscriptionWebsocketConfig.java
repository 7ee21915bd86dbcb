package fr.ccamhub.server.subscription;

import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.subscription.match.deliver.websocket.SubscriptionWebsocketHandler;
import ca.uhn.fhir.jpa.subscription.match.deliver.websocket.WebsocketConnectionValidator;
import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionRegistry;
import fr.ccamhub.interceptors.security.AccessPolicy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.PerConnectionWebSocketHandler;
import org.springframework.web.socket.server.support.OriginHandshakeInterceptor;

/**
 * Serves HAPI's websocket Subscription channel at {@code /websocket}, as HAPI's own
 * {@code WebsocketDispatcherConfig} would, but behind the caller's token: the upgrade request goes
 * through Spring Security like any other, binds are checked against the caller's grants, and only
 * same-origin browser pages may connect (HAPI allows every origin).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class SubscriptionWebsocketConfig implements WebSocketConfigurer, DisposableBean {

	private final SubscriptionSettings settings;
	private final ObjectProvider<SubscriptionRegistry> subscriptions;
	private final ObjectProvider<AccessPolicy> accessPolicy;
	private final ObjectProvider<PerConnectionWebSocketHandler> hapiHandler;
	/** Closes websocket sessions when their token expires. */
	private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "websocket-token-expiry");
		thread.setDaemon(true);
		return thread;
	});

	public SubscriptionWebsocketConfig(
			SubscriptionSettings settings,
			ObjectProvider<SubscriptionRegistry> subscriptions,
			ObjectProvider<AccessPolicy> accessPolicy,
			ObjectProvider<PerConnectionWebSocketHandler> hapiHandler) {
		this.settings = settings;
		this.subscriptions = subscriptions;
		this.accessPolicy = accessPolicy;
		this.hapiHandler = hapiHandler;
	}

	/** Used by HAPI's handler to find the active Subscription named in a bind. */
	@Bean
	WebsocketConnectionValidator websocketConnectionValidator() {
		return new WebsocketConnectionValidator();
	}

	/** One HAPI handler per connection, created with its dependencies injected. */
	@Bean
	PerConnectionWebSocketHandler hapiSubscriptionWebSocketHandler() {
		return new PerConnectionWebSocketHandler(SubscriptionWebsocketHandler.class);
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		AuthorizedBindHandler handler = new AuthorizedBindHandler(
				hapiHandler.getObject(),
				subscriptions.getObject(),
				new BindAuthorization(accessPolicy.getObject()),
				timers);
		registry.addHandler(handler, settings.getWebsocketContextPath())
				.addInterceptors(new OriginHandshakeInterceptor(), new CallerHandshakeInterceptor());
	}

	@Override
	public void destroy() {
		timers.shutdownNow();
	}
}
