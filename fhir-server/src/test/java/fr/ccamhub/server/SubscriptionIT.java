package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionRegistry;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** R4 Subscriptions over real HTTP: rest-hooks to a loopback receiver, websocket binds with real tokens. */
class SubscriptionIT extends ServerIT {

	private static final String CODES = "https://fhir.ccamhub.fr/test/subscription-code";
	private static final Duration DELIVERY = Duration.ofSeconds(30);

	@Autowired
	private SubscriptionRegistry registry;

	private final List<IIdType> created = new ArrayList<>();
	private final List<Hook> hooks = new CopyOnWriteArrayList<>();
	private HttpServer receiver;
	private IGenericClient admin;

	/** A rest-hook call as the receiver saw it. */
	private record Hook(String method, String path, byte[] body, long receivedAt) {}

	@BeforeEach
	void startReceiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		receiver.createContext("/", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			hooks.add(new Hook(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body, System.nanoTime()));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		receiver.start();
		admin = client(TestTokens.token("ops", List.of("admin"), null));
	}

	@AfterEach
	void stopReceiverAndDeleteSubscriptions() {
		receiver.stop(0);
		created.forEach(id -> admin.delete().resourceById(id).execute());
	}

	@Test
	void restHookIsNotifiedWithoutTheResourceWhenAMatchingObservationIsCreated() {
		String code = uniqueCode();
		String path = "/hook/" + code;
		IIdType subscription = createActive(restHook(code, "http://127.0.0.1:" + receiver.getAddress().getPort() + path));

		long start = System.nanoTime();
		client().create().resource(observation(uniqueCode())).execute();
		client().create().resource(observation(code)).execute();

		await().atMost(DELIVERY).until(() -> !hooks.isEmpty());
		Hook hook = hooks.get(0);
		System.out.printf("rest-hook for Subscription/%s delivered %d ms after the Observation was sent%n",
				subscription.getIdPart(), (hook.receivedAt() - start) / 1_000_000);
		assertThat(hook.method()).isEqualTo("POST");
		assertThat(hook.path()).isEqualTo(path);
		assertThat(hook.body()).as("no payload: nothing of the Observation leaves the server").isEmpty();
	}

	@Test
	void subscriptionWithAnEndpointOutsideTheAllowListIsRefusedNamingTheElement() {
		for (String endpoint : List.of("https://hooks.evil.example/ccamhub", "http://127.0.0.1:8080@evil.example/hook")) {
			assertThatThrownBy(() -> admin.create().resource(restHook(uniqueCode(), endpoint)).execute())
					.as(endpoint)
					.isInstanceOfSatisfying(UnprocessableEntityException.class, e ->
							assertRefused(e, "Subscription.channel.endpoint", "ccamhub.subscriptions.allowed-endpoints"));
		}
	}

	@Test
	void updateMovingTheEndpointOutsideTheAllowListIsRefused() {
		Subscription subscription = restHook(uniqueCode(), "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
		// Active first: HAPI's own activation is an update too, which would race with ours.
		IIdType id = createActive(subscription);
		Subscription stored = admin.read().resource(Subscription.class).withId(id).execute();
		stored.getChannel().setEndpoint("https://hooks.evil.example/ccamhub");
		assertThatThrownBy(() -> admin.update().resource(stored).execute())
				.isInstanceOfSatisfying(UnprocessableEntityException.class, e ->
						assertRefused(e, "Subscription.channel.endpoint", "ccamhub.subscriptions.allowed-endpoints"));
	}

	@Test
	void restHookAskingForTheFullResourceIsRefused() {
		Subscription subscription = restHook(uniqueCode(), "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
		subscription.getChannel().setPayload("application/fhir+json");
		assertThatThrownBy(() -> admin.create().resource(subscription).execute())
				.isInstanceOfSatisfying(UnprocessableEntityException.class, e ->
						assertRefused(e, "Subscription.channel.payload", "ccamhub.subscriptions.allow-full-payload"));
	}

	@Test
	void websocketBoundWithATokenThatReadsObservationsIsPingedOnAMatch() {
		String code = uniqueCode();
		IIdType subscription = createActive(websocket(code));
		Listener listener = new Listener();
		WebSocket socket = connect(staffToken(), listener).join();
		socket.sendText("bind " + subscription.getIdPart(), true);
		await().atMost(DELIVERY).until(() -> listener.messages.contains("bound " + subscription.getIdPart()));

		long start = System.nanoTime();
		client().create().resource(observation(code)).execute();

		await().atMost(DELIVERY).until(() -> listener.messages.stream().anyMatch(m -> m.startsWith("ping ")));
		System.out.printf("websocket ping for Subscription/%s %d ms after the Observation was sent%n",
				subscription.getIdPart(), (System.nanoTime() - start) / 1_000_000);
		assertThat(listener.messages).contains("ping " + subscription.getIdPart());
		socket.abort();
	}

	@Test
	void websocketBindIsRefusedToATokenWhoseRolesCannotReadTheCriteriaType() {
		IIdType subscription = createActive(websocket(uniqueCode()));
		Listener listener = new Listener();
		WebSocket socket = connect(TestTokens.token("compta", List.of("billing"), null), listener).join();
		socket.sendText("bind " + subscription.getIdPart(), true);

		await().atMost(DELIVERY).until(() -> listener.closeStatus.isDone());
		assertThat(listener.closeStatus.join()).isEqualTo(1008);
		assertThat(listener.messages).noneMatch(m -> m.startsWith("bound "))
				.anyMatch(m -> m.startsWith("bind refused") && m.contains("Observation"));
	}

	@Test
	void websocketWithoutATokenIsRefusedAtTheUpgrade() {
		CompletableFuture<WebSocket> connection = HttpClient.newHttpClient().newWebSocketBuilder()
				.buildAsync(websocketUri(), new Listener());
		assertThatThrownBy(connection::join)
				.isInstanceOf(CompletionException.class)
				.satisfies(e -> assertThat(e.getCause()).isInstanceOfSatisfying(WebSocketHandshakeException.class,
						refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(401)));
	}

	@Test
	void websocketIsClosedWhenItsTokenExpires() {
		String shortLived = TestTokens.token(TestTokens.MAIN, "dr-short", TestTokens.AUDIENCE, List.of("clinician"), null,
				Map.of(), 3);
		Listener listener = new Listener();
		connect(shortLived, listener).join();

		await().atMost(DELIVERY).until(() -> listener.closeStatus.isDone());
		assertThat(listener.closeStatus.join()).isEqualTo(1008);
		assertThat(listener.closeReason.get()).isEqualTo("token expired");
	}

	@Test
	void websocketFromAnotherOriginIsRefused() {
		CompletableFuture<WebSocket> connection = HttpClient.newHttpClient().newWebSocketBuilder()
				.header("Authorization", "Bearer " + staffToken())
				.header("Origin", "https://evil.example")
				.buildAsync(websocketUri(), new Listener());
		assertThatThrownBy(connection::join)
				.satisfies(e -> assertThat(e.getCause()).isInstanceOfSatisfying(WebSocketHandshakeException.class,
						refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(403)));
	}

	private IIdType createActive(Subscription subscription) {
		IIdType id = admin.create().resource(subscription).execute().getId().toUnqualifiedVersionless();
		created.add(id);
		// HAPI activates (an update to status active) and registers a new Subscription asynchronously, in no fixed order.
		await().atMost(DELIVERY).until(() -> registry.get(id.getIdPart()) != null
				&& admin.read().resource(Subscription.class).withId(id).execute().getStatus()
						== Subscription.SubscriptionStatus.ACTIVE);
		return id;
	}

	private CompletableFuture<WebSocket> connect(String token, Listener listener) {
		return HttpClient.newHttpClient().newWebSocketBuilder()
				.header("Authorization", "Bearer " + token)
				.buildAsync(websocketUri(), listener);
	}

	private URI websocketUri() {
		return URI.create("ws://127.0.0.1:" + port + "/websocket");
	}

	private static void assertRefused(UnprocessableEntityException e, String expression, String key) {
		OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
		assertThat(outcome.getIssue()).anySatisfy(issue -> {
			assertThat(issue.getExpression()).extracting(Object::toString).contains(expression);
			assertThat(issue.getDiagnostics()).contains(key);
		});
	}

	private static Subscription restHook(String code, String endpoint) {
		Subscription subscription = subscription(code);
		subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(endpoint);
		return subscription;
	}

	private static Subscription websocket(String code) {
		Subscription subscription = subscription(code);
		subscription.getChannel().setType(Subscription.SubscriptionChannelType.WEBSOCKET);
		return subscription;
	}

	private static Subscription subscription(String code) {
		Subscription subscription = new Subscription();
		subscription.setStatus(Subscription.SubscriptionStatus.REQUESTED);
		subscription.setReason("SubscriptionIT");
		subscription.setCriteria("Observation?code=" + CODES + "|" + code);
		return subscription;
	}

	private static Observation observation(String code) {
		Observation observation = new Observation();
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.setCode(new CodeableConcept(new Coding(CODES, code, "test")));
		return observation;
	}

	private static String uniqueCode() {
		return UUID.randomUUID().toString();
	}

	/** Collects whole text messages and the close code. */
	private static final class Listener implements WebSocket.Listener {

		final List<String> messages = new CopyOnWriteArrayList<>();
		final CompletableFuture<Integer> closeStatus = new CompletableFuture<>();
		final AtomicReference<String> closeReason = new AtomicReference<>();
		private final StringBuilder partial = new StringBuilder();

		@Override
		public void onOpen(WebSocket webSocket) {
			webSocket.request(Long.MAX_VALUE);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			partial.append(data);
			if (last) {
				messages.add(partial.toString());
				partial.setLength(0);
			}
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			closeReason.set(reason);
			closeStatus.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			closeStatus.completeExceptionally(error);
		}
	}
}
