package fr.ccamhub.dmp.transport;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import fr.ccamhub.dmp.transport.RecipientAnswer.Verdict;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.ResourceType;

/**
 * ANS PDSm Document Source transport: ITI-65 as a FHIR transaction POSTed to the recipient's base URL, ITI-67 to look
 * a document up by master identifier. Over TLS with an optional client certificate (the structure's IGC Santé
 * certificate in production) and an optional OAuth2 bearer token.
 */
public final class PdsmHttpRecipient implements DocumentRecipient {

	private static final String FHIR_JSON = "application/fhir+json";

	private final FhirContext fhirContext;
	private final URI base;
	private final HttpClient client;
	private final Supplier<Optional<String>> bearerTokens;
	private final Duration readTimeout;

	/**
	 * @param base the recipient's FHIR base URL
	 * @param clientTls the TLS context carrying our client certificate (and the trusted roots), if any
	 * @param bearerTokens a current access token for each request, if OAuth2 is used
	 */
	public PdsmHttpRecipient(FhirContext fhirContext, URI base, Optional<SSLContext> clientTls,
			Supplier<Optional<String>> bearerTokens, boolean bearerConfigured, Duration connectTimeout,
			Duration readTimeout) {
		EndpointPolicy.check(base, clientTls.isPresent(), bearerConfigured);
		this.fhirContext = fhirContext;
		this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
		HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout)
				.followRedirects(HttpClient.Redirect.NEVER);
		clientTls.ifPresent(builder::sslContext);
		this.client = builder.build();
		this.bearerTokens = bearerTokens;
		this.readTimeout = readTimeout;
	}

	@Override
	public RecipientAnswer provide(Bundle provideBundle) {
		String body = fhirContext.newJsonParser().encodeResourceToString(provideBundle);
		HttpRequest request;
		try {
			request = request(base).header("Content-Type", FHIR_JSON + "; charset=utf-8")
					.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
		} catch (RuntimeException e) {
			// Nothing was sent: the OAuth2 server did not give a token.
			return answer(Verdict.RETRY, Optional.empty(), "jeton OAuth2 indisponible : " + message(e));
		}
		HttpResponse<String> response;
		try {
			response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		} catch (HttpConnectTimeoutException | ConnectException e) {
			return answer(Verdict.RETRY, Optional.empty(), "connexion impossible au destinataire : " + message(e));
		} catch (HttpTimeoutException e) {
			return answer(Verdict.AMBIGUOUS, Optional.empty(),
					"pas de réponse du destinataire en " + readTimeout.toMillis() + " ms : le document a pu être reçu");
		} catch (IOException e) {
			return answer(Verdict.AMBIGUOUS, Optional.empty(),
					"échange interrompu avec le destinataire (" + message(e) + ") : le document a pu être reçu");
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return answer(Verdict.AMBIGUOUS, Optional.empty(), "envoi interrompu : le document a pu être reçu");
		}
		return interpret(provideBundle, response);
	}

	private RecipientAnswer interpret(Bundle sent, HttpResponse<String> response) {
		int status = response.statusCode();
		Verdict verdict = HttpStatusVerdicts.of(status);
		Optional<Duration> retryAfter = response.headers().firstValue("Retry-After").flatMap(PdsmHttpRecipient::seconds);
		if (verdict != Verdict.STORED) {
			return new RecipientAnswer(verdict, Optional.of(status), describeError(status, response.body()),
					Optional.empty(), retryAfter);
		}
		Bundle answer;
		try {
			answer = fhirContext.newJsonParser().parseResource(Bundle.class, response.body());
		} catch (DataFormatException | ClassCastException e) {
			return new RecipientAnswer(Verdict.AMBIGUOUS, Optional.of(status),
					"réponse " + status + " illisible (pas un Bundle transaction-response) : " + message(e),
					Optional.empty(), Optional.empty());
		}
		if (answer.getType() != Bundle.BundleType.TRANSACTIONRESPONSE || answer.getEntry().size() != sent.getEntry().size()) {
			return new RecipientAnswer(Verdict.AMBIGUOUS, Optional.of(status), "réponse " + status
					+ " inattendue : un transaction-response de " + sent.getEntry().size() + " entrées était attendu",
					Optional.empty(), Optional.empty());
		}
		Optional<String> location = Optional.empty();
		for (int i = 0; i < sent.getEntry().size(); i++) {
			Bundle.BundleEntryResponseComponent entry = answer.getEntry().get(i).getResponse();
			if (!entry.hasStatus() || !entry.getStatus().trim().startsWith("2")) {
				return new RecipientAnswer(Verdict.REJECTED, Optional.of(status),
						"l'entrée " + i + " a été refusée : " + entry.getStatus(), Optional.empty(), Optional.empty());
			}
			if (location.isEmpty() && sent.getEntry().get(i).getResource() != null
					&& sent.getEntry().get(i).getResource().getResourceType() == ResourceType.DocumentReference
					&& entry.hasLocation()) {
				location = Optional.of(entry.getLocation());
			}
		}
		return new RecipientAnswer(Verdict.STORED, Optional.of(status), "reçu (" + status + ")", location, Optional.empty());
	}

	@Override
	public Optional<String> locate(String masterIdentifier) {
		URI search = base.resolve("DocumentReference?identifier="
				+ URLEncoder.encode("urn:ietf:rfc:3986|" + masterIdentifier, StandardCharsets.UTF_8)
				+ "&_elements=masterIdentifier,status");
		HttpResponse<String> response;
		try {
			HttpRequest request;
			try {
				request = request(search).GET().build();
			} catch (RuntimeException e) {
				throw new RecipientUnreachableException("jeton OAuth2 indisponible : " + message(e), e);
			}
			response = client.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		} catch (IOException e) {
			throw new RecipientUnreachableException("recherche ITI-67 impossible : " + message(e), e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new RecipientUnreachableException("recherche ITI-67 interrompue", e);
		}
		if (response.statusCode() != 200) {
			throw new RecipientUnreachableException("recherche ITI-67 : statut " + response.statusCode() + " "
					+ describeError(response.statusCode(), response.body()));
		}
		Bundle found = fhirContext.newJsonParser().parseResource(Bundle.class, response.body());
		return found.getEntry().stream().filter(entry -> entry.getResource() != null)
				.filter(entry -> entry.getResource().getResourceType() == ResourceType.DocumentReference)
				.map(entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue())
				.findFirst();
	}

	@Override
	public String address() {
		return base.toString();
	}

	private HttpRequest.Builder request(URI uri) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(readTimeout).header("Accept", FHIR_JSON);
		bearerTokens.get().ifPresent(token -> builder.header("Authorization", "Bearer " + token));
		return builder;
	}

	private String describeError(int status, String body) {
		if (body == null || body.isBlank()) {
			return "statut " + status;
		}
		try {
			IParser parser = fhirContext.newJsonParser();
			OperationOutcome outcome = parser.parseResource(OperationOutcome.class, body);
			StringBuilder text = new StringBuilder("statut ").append(status);
			outcome.getIssue().forEach(issue -> text.append(" ; ").append(issue.getSeverity() == null ? "" : issue.getSeverity().toCode())
					.append(' ').append(issue.getDiagnostics() == null ? issue.getDetails().getText() : issue.getDiagnostics())
					.append(issue.getExpression().isEmpty() ? "" : " (" + issue.getExpression().get(0).getValue() + ")"));
			return text.toString();
		} catch (DataFormatException | ClassCastException e) {
			return "statut " + status + " : " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
		}
	}

	private static RecipientAnswer answer(Verdict verdict, Optional<Integer> status, String detail) {
		return new RecipientAnswer(verdict, status, detail, Optional.empty(), Optional.empty());
	}

	private static Optional<Duration> seconds(String retryAfter) {
		try {
			return Optional.of(Duration.ofSeconds(Long.parseLong(retryAfter.trim())));
		} catch (NumberFormatException e) {
			return Optional.empty(); // an HTTP date: the backoff decides
		}
	}

	private static String message(Throwable e) {
		return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
	}
}
