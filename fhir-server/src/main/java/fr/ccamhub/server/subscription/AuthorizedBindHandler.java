package fr.ccamhub.server.subscription;

import ca.uhn.fhir.jpa.subscription.match.registry.ActiveSubscription;
import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionRegistry;
import fr.ccamhub.interceptors.security.AccessPrincipal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.IdType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * Lets a {@code bind <Subscription id>} through to HAPI's websocket handler only when the caller
 * kept from the upgrade request may read what the Subscription watches ({@link BindAuthorization});
 * otherwise the session is closed with 1008 (policy violation). A session also ends when the
 * caller's token expires.
 */
final class AuthorizedBindHandler extends WebSocketHandlerDecorator {

	private static final Logger log = LoggerFactory.getLogger(AuthorizedBindHandler.class);
	private static final String BIND = "bind ";
	private static final String EXPIRY_TIMER = AuthorizedBindHandler.class.getName() + ".expiryTimer";
	/** RFC 6455: a close reason holds at most 123 bytes of UTF-8. */
	private static final int MAX_CLOSE_REASON_BYTES = 123;

	private final SubscriptionRegistry subscriptions;
	private final BindAuthorization authorization;
	private final ScheduledExecutorService timers;

	AuthorizedBindHandler(
			WebSocketHandler hapiHandler,
			SubscriptionRegistry subscriptions,
			BindAuthorization authorization,
			ScheduledExecutorService timers) {
		super(hapiHandler);
		this.subscriptions = subscriptions;
		this.authorization = authorization;
		this.timers = timers;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws Exception {
		// HAPI's per-connection handler first, so that an immediate expiry finds it to close.
		super.afterConnectionEstablished(session);
		Optional<Instant> expiry = CallerHandshakeInterceptor.expiresAt(session.getAttributes());
		if (expiry.isPresent()) {
			long delay = Math.max(0, Duration.between(Instant.now(), expiry.get()).toMillis());
			ScheduledFuture<?> timer = timers.schedule(
					() -> close(session, CloseStatus.POLICY_VIOLATION, "token expired"), delay, TimeUnit.MILLISECONDS);
			session.getAttributes().put(EXPIRY_TIMER, timer);
		}
	}

	@Override
	public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
		if (message instanceof TextMessage text && text.getPayload().startsWith(BIND)) {
			Optional<String> refusal = refusal(session, text.getPayload().substring(BIND.length()).trim());
			if (refusal.isPresent()) {
				log.warn("Websocket bind refused ({}): {}", text.getPayload(), refusal.get());
				session.sendMessage(new TextMessage("bind refused: " + refusal.get()));
				close(session, CloseStatus.POLICY_VIOLATION, "bind refused: " + refusal.get());
				return;
			}
		}
		super.handleMessage(session, message);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
		if (session.getAttributes().get(EXPIRY_TIMER) instanceof ScheduledFuture<?> timer) {
			timer.cancel(false);
		}
		super.afterConnectionClosed(session, status);
	}

	private Optional<String> refusal(WebSocketSession session, String subscriptionId) {
		Optional<AccessPrincipal> principal = CallerHandshakeInterceptor.principal(session.getAttributes());
		if (principal.isEmpty()) {
			return Optional.of("no authenticated caller on this connection");
		}
		ActiveSubscription active = subscriptions.get(new IdType(subscriptionId).getIdPart());
		if (active == null) {
			// HAPI answers unknown or inactive Subscriptions itself.
			return Optional.empty();
		}
		return authorization.refusal(principal.get(), active.getSubscription().getCriteriaString());
	}

	private static void close(WebSocketSession session, CloseStatus status, String reason) {
		try {
			session.close(status.withReason(truncate(reason)));
		} catch (IOException | RuntimeException e) {
			log.debug("Closing websocket session {} failed", session.getId(), e);
		}
	}

	private static String truncate(String reason) {
		byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
		if (bytes.length <= MAX_CLOSE_REASON_BYTES) {
			return reason;
		}
		String cut = new String(bytes, 0, MAX_CLOSE_REASON_BYTES, StandardCharsets.UTF_8);
		// A multi-byte character split at the limit decodes to U+FFFD: drop it.
		while (cut.getBytes(StandardCharsets.UTF_8).length > MAX_CLOSE_REASON_BYTES) {
			cut = cut.substring(0, cut.length() - 1);
		}
		return cut;
	}
}
