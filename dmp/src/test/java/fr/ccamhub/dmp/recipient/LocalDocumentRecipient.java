package fr.ccamhub.dmp.recipient;

import ca.uhn.fhir.context.FhirContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.ccamhub.dmp.bundle.ValidationReport;
import fr.ccamhub.dmp.validation.PdsmValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * A PDSm Document Recipient (ITI-65) and Responder (ITI-67 by identifier, ITI-68) on the loopback, for tests: it
 * validates each Bundle against the PDSm profiles, applies MHD's expected actions (one SubmissionSet, at least one
 * DocumentReference, every attachment in the Bundle, a master identifier seen once, the replaced document
 * superseded), stores it and answers a transaction-response — or, when scripted, a status, a stall past the client's
 * timeout (after storing), or a dropped connection (after storing).
 */
public final class LocalDocumentRecipient implements AutoCloseable {

	/** What the next ITI-65 request gets instead of a normal answer. */
	public sealed interface Fault {
		/** Answer this status with an OperationOutcome, without storing. */
		record Status(int status) implements Fault {}
		/** Store, then wait this long before answering (longer than the client's timeout: its answer is lost). */
		record Stall(Duration delay) implements Fault {}
		/** Store, then close the connection without an answer. */
		record Drop() implements Fault {}
	}

	/** One stored document. */
	public record StoredDocument(String id, DocumentReference documentReference, ListResource submissionSet,
			byte[] content) {}

	private final FhirContext fhirContext;
	private final PdsmValidator validator;
	private final HttpServer server;
	private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();
	private volatile Optional<Integer> permanentStatus = Optional.empty();
	private final Map<String, StoredDocument> byMasterIdentifier = Collections.synchronizedMap(new HashMap<>());
	private final Map<String, byte[]> binaries = Collections.synchronizedMap(new HashMap<>());
	private final List<String> provideRequests = new CopyOnWriteArrayList<>();
	private final List<String> authorizations = new CopyOnWriteArrayList<>();
	private final List<ValidationReport> validations = new CopyOnWriteArrayList<>();
	private final List<String> superseded = new CopyOnWriteArrayList<>();
	private final AtomicInteger ids = new AtomicInteger();

	public LocalDocumentRecipient(FhirContext fhirContext, PdsmValidator validator) throws IOException {
		this(fhirContext, validator, 0);
	}

	/** On a given loopback port (0: any free one). */
	public LocalDocumentRecipient(FhirContext fhirContext, PdsmValidator validator, int port) throws IOException {
		this.fhirContext = fhirContext;
		this.validator = validator;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.createContext("/fhir", this::handle);
		server.start();
	}

	public URI base() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/fhir");
	}

	/** Scripts the next ITI-65 requests, in order. */
	public void failNext(Fault... next) {
		faults.addAll(List.of(next));
	}

	/** Answers every ITI-65 request with this status (e.g. 401) until {@link #recover()}. */
	public void answerAlways(int status) {
		permanentStatus = Optional.of(status);
	}

	public void recover() {
		permanentStatus = Optional.empty();
		faults.clear();
	}

	public List<StoredDocument> stored() {
		synchronized (byMasterIdentifier) {
			return new ArrayList<>(byMasterIdentifier.values());
		}
	}

	/** The master identifiers of the documents superseded by a replacement. */
	public List<String> supersededIds() {
		return List.copyOf(superseded);
	}

	/** Every ITI-65 request received, as sent. */
	public List<String> provideRequests() {
		return List.copyOf(provideRequests);
	}

	/** The Authorization header of every ITI-65 request received ("" when absent). */
	public List<String> authorizations() {
		return List.copyOf(authorizations);
	}

	/** The validation of every ITI-65 request received. */
	public List<ValidationReport> validations() {
		return List.copyOf(validations);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			if (exchange.getRequestMethod().equals("POST") && (path.equals("/fhir") || path.equals("/fhir/"))) {
				provide(exchange);
			} else if (exchange.getRequestMethod().equals("GET") && path.equals("/fhir/DocumentReference")) {
				find(exchange);
			} else if (exchange.getRequestMethod().equals("GET") && path.startsWith("/fhir/Binary/")) {
				byte[] content = binaries.get(path.substring("/fhir/Binary/".length()));
				if (content == null) {
					answer(exchange, 404, outcome("Binary inconnu"));
				} else {
					exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
					exchange.sendResponseHeaders(200, content.length);
					exchange.getResponseBody().write(content);
				}
			} else {
				answer(exchange, 404, outcome("pas de telle ressource : " + path));
			}
		}
	}

	private void provide(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		provideRequests.add(body);
		authorizations.add(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse(""));
		if (permanentStatus.isPresent()) {
			answer(exchange, permanentStatus.get(), outcome("refusé (" + permanentStatus.get() + ")"));
			return;
		}
		Fault fault = faults.poll();
		if (fault instanceof Fault.Status status) {
			answer(exchange, status.status(), outcome("erreur scriptée " + status.status()));
			return;
		}
		Bundle bundle = fhirContext.newJsonParser().parseResource(Bundle.class, body);
		ValidationReport report = validator.validate(bundle);
		validations.add(report);
		if (!report.valid()) {
			answer(exchange, 422, outcome(String.join("\n", report.errors())));
			return;
		}
		Optional<String> problem = mhdProblem(bundle);
		if (problem.isPresent()) {
			answer(exchange, problem.get().startsWith("doublon") ? 409 : 422, outcome(problem.get()));
			return;
		}
		Bundle response = store(bundle);
		if (fault instanceof Fault.Stall stall) {
			sleep(stall.delay());
		} else if (fault instanceof Fault.Drop) {
			exchange.getResponseBody().close();
			return;
		}
		answer(exchange, 200, fhirContext.newJsonParser().encodeResourceToString(response));
	}

	private Optional<String> mhdProblem(Bundle bundle) {
		List<ListResource> sets = resources(bundle, ListResource.class);
		List<DocumentReference> documents = resources(bundle, DocumentReference.class);
		if (sets.size() != 1) {
			return Optional.of("un Bundle ITI-65 porte exactement un SubmissionSet, celui-ci en porte " + sets.size());
		}
		if (documents.isEmpty()) {
			return Optional.of("un Bundle ITI-65 porte au moins un DocumentReference");
		}
		for (DocumentReference document : documents) {
			String url = document.getContentFirstRep().getAttachment().getUrl();
			boolean inBundle = bundle.getEntry().stream().anyMatch(entry -> url != null && url.equals(entry.getFullUrl()));
			if (!inBundle) {
				return Optional.of("attachment.url " + url + " ne désigne aucune entrée du Bundle");
			}
			if (byMasterIdentifier.containsKey(document.getMasterIdentifier().getValue())) {
				return Optional.of("doublon : masterIdentifier " + document.getMasterIdentifier().getValue() + " déjà reçu");
			}
		}
		return Optional.empty();
	}

	private Bundle store(Bundle bundle) {
		Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
		ListResource set = resources(bundle, ListResource.class).get(0);
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			String id = String.valueOf(ids.incrementAndGet());
			Resource resource = entry.getResource();
			String type = resource == null ? "Parameters" : resource.fhirType();
			if (resource instanceof DocumentReference document) {
				String binaryUrl = document.getContentFirstRep().getAttachment().getUrl();
				byte[] content = bundle.getEntry().stream().filter(other -> binaryUrl.equals(other.getFullUrl()))
						.map(other -> ((org.hl7.fhir.r4.model.Binary) other.getResource()).getData()).findFirst().orElseThrow();
				byMasterIdentifier.put(document.getMasterIdentifier().getValue(),
						new StoredDocument(id, document, set, content));
				document.getRelatesTo().forEach(relation -> superseded.add(relation.getTarget().getIdentifier().getValue()));
				document.getRelatesTo().forEach(relation -> {
					StoredDocument old = byMasterIdentifier.get(relation.getTarget().getIdentifier().getValue());
					if (old != null) {
						old.documentReference().setStatus(Enumerations.DocumentReferenceStatus.SUPERSEDED);
					}
				});
			} else if (resource instanceof org.hl7.fhir.r4.model.Binary binary) {
				binaries.put(id, binary.getData());
			}
			boolean patch = entry.getRequest().getMethod() == Bundle.HTTPVerb.PATCH;
			response.addEntry().getResponse().setStatus(patch ? "200 OK" : "201 Created")
					.setLocation(patch ? entry.getRequest().getUrl() : type + "/" + id + "/_history/1");
		}
		return response;
	}

	private void find(HttpExchange exchange) throws IOException {
		Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
		String identifier = query.getOrDefault("identifier", "");
		String value = identifier.contains("|") ? identifier.substring(identifier.indexOf('|') + 1) : identifier;
		Bundle result = new Bundle().setType(Bundle.BundleType.SEARCHSET);
		StoredDocument found = byMasterIdentifier.get(value);
		if (found != null) {
			DocumentReference copy = found.documentReference().copy();
			copy.setId("DocumentReference/" + found.id());
			result.addEntry().setFullUrl(base() + "/DocumentReference/" + found.id()).setResource(copy);
		}
		result.setTotal(result.getEntry().size());
		answer(exchange, 200, fhirContext.newJsonParser().encodeResourceToString(result));
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> parameters = new HashMap<>();
		if (raw == null) {
			return parameters;
		}
		for (String pair : raw.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return parameters;
	}

	private static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
		return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
				.map(type::cast).toList();
	}

	private String outcome(String text) {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
				.setCode(OperationOutcome.IssueType.PROCESSING).setDiagnostics(text);
		return fhirContext.newJsonParser().encodeResourceToString(outcome);
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/fhir+json; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void sleep(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
