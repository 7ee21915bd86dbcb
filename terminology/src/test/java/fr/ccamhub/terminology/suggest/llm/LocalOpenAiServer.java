package fr.ccamhub.terminology.suggest.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP server that speaks the OpenAI chat-completions protocol ({@code POST /v1/chat/completions}):
 * it records each request body and answers with the assistant content and HTTP status set by the test, or
 * holds its answer while the test keeps it stalled.
 */
final class LocalOpenAiServer implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpServer server;
	final List<String> requests = new CopyOnWriteArrayList<>();
	volatile String assistantContent = "{}";
	volatile int status = 200;
	/** When set, every answer waits for this latch (a model that has not answered yet); {@link #close()} releases it. */
	volatile CountDownLatch stalled;

	LocalOpenAiServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/v1/chat/completions", this::answer);
		server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
	}

	private void answer(HttpExchange exchange) throws IOException {
		requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		CountDownLatch hold = stalled;
		if (hold != null) {
			try {
				hold.await(30, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		byte[] body;
		if (status == 200) {
			body = JSON.writeValueAsBytes(Map.of(
					"id", "chatcmpl-test",
					"object", "chat.completion",
					"created", 1_700_000_000,
					"model", "test-model",
					"choices", List.of(Map.of("index", 0, "finish_reason", "stop",
							"message", Map.of("role", "assistant", "content", assistantContent))),
					"usage", Map.of("prompt_tokens", 10, "completion_tokens", 10, "total_tokens", 20)));
		} else {
			body = JSON.writeValueAsBytes(Map.of("error", Map.of("message", "server error", "type", "server_error")));
		}
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		} catch (IOException e) {
			// the client gave up (timeout): nothing to answer
		}
	}

	@Override
	public void close() {
		CountDownLatch hold = stalled;
		if (hold != null) {
			hold.countDown();
		}
		server.stop(0);
	}
}
