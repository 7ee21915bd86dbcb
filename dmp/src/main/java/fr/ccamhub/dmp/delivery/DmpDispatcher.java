package fr.ccamhub.dmp.delivery;

import ca.uhn.fhir.context.FhirContext;
import fr.ccamhub.dmp.bundle.BundleValidator;
import fr.ccamhub.dmp.bundle.IncompleteDocumentException;
import fr.ccamhub.dmp.bundle.PdsmBundleBuilder;
import fr.ccamhub.dmp.bundle.ProvideBundle;
import fr.ccamhub.dmp.bundle.SharedDocument;
import fr.ccamhub.dmp.bundle.ValidationReport;
import fr.ccamhub.dmp.gate.GateDecision;
import fr.ccamhub.dmp.gate.SharingGate;
import fr.ccamhub.dmp.outbox.DmpOutbox;
import fr.ccamhub.dmp.outbox.OutboxItem;
import fr.ccamhub.dmp.transport.DocumentRecipient;
import fr.ccamhub.dmp.transport.RecipientAnswer;
import fr.ccamhub.dmp.transport.RecipientUnreachableException;
import fr.ccamhub.interceptors.consent.ConsentPolicyLookup;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends queued documents to the Document Recipient, one claimed outbox row at a time: reads the document as queued,
 * checks the sharing gate again (a consent given since it was queued wins), builds and validates its ITI-65 Bundle,
 * looks it up first when an earlier attempt may have stored it, sends it through the circuit breaker, and records
 * what happened in the outbox and with the listeners (audit, metrics, the DocumentReference).
 */
public final class DmpDispatcher {

	private static final Logger log = LoggerFactory.getLogger(DmpDispatcher.class);

	private final DmpOutbox outbox;
	private final SharedDocumentSource documents;
	private final ConsentPolicyLookup consents;
	private final SharingGate gate;
	private final PdsmBundleBuilder builder;
	private final BundleValidator validator;
	private final DocumentRecipient recipient;
	private final CircuitBreaker circuitBreaker;
	private final RetrySchedule retries;
	private final List<DeliveryListener> listeners;
	private final FhirContext fhirContext;
	private final Clock clock;

	public DmpDispatcher(DmpOutbox outbox, SharedDocumentSource documents, ConsentPolicyLookup consents,
			SharingGate gate, PdsmBundleBuilder builder, BundleValidator validator, DocumentRecipient recipient,
			CircuitBreaker circuitBreaker, RetrySchedule retries, List<DeliveryListener> listeners,
			FhirContext fhirContext, Clock clock) {
		this.outbox = outbox;
		this.documents = documents;
		this.consents = consents;
		this.gate = gate;
		this.builder = builder;
		this.validator = validator;
		this.recipient = recipient;
		this.circuitBreaker = circuitBreaker;
		this.retries = retries;
		this.listeners = List.copyOf(listeners);
		this.fhirContext = fhirContext;
		this.clock = clock;
	}

	/**
	 * Dispatches up to {@code limit} rows due now, claiming them one at a time (each leased for {@code lease}, which
	 * must outlast a send: connect and read timeouts); returns how many were claimed.
	 */
	public int dispatchDue(int limit, Duration lease) {
		int claimed = 0;
		while (claimed < limit) {
			List<OutboxItem> due = outbox.claimDue(1, lease);
			if (due.isEmpty()) {
				break;
			}
			claimed++;
			OutboxItem item = due.get(0);
			try {
				dispatch(item, lease);
			} catch (RuntimeException e) {
				// The row stays leased: it is claimed again (as ambiguous) when its lease ends.
				log.error("DMP dispatch of outbox row {} failed; retried after its lease", item.id(), e);
			}
		}
		return claimed;
	}

	void dispatch(OutboxItem item, Duration lease) {
		Optional<SharedDocument> loaded = documents.load(item);
		if (loaded.isEmpty()) {
			dead(item, "document-introuvable", Optional.empty(), "Le document " + item.documentId() + " (version "
					+ item.documentVersion() + ") ou son patient n'existe plus.", Optional.empty(), Optional.empty());
			return;
		}
		SharedDocument document = loaded.get();
		GateDecision decision = gate.decide(document.patient(), consents.activePolicies(item.patientId()));
		if (!decision.allowsSending()) {
			tell(item, DeliveryOutcome.HELD, decision.text(), Optional.empty(), Optional.empty());
			outbox.markHeld(item, decision);
			return;
		}
		ProvideBundle provide;
		try {
			provide = builder.build(document, item.masterIdentifier(), item.id());
		} catch (IncompleteDocumentException e) {
			dead(item, "document-incomplet", Optional.empty(), e.getMessage(), Optional.empty(), Optional.empty());
			return;
		}
		ValidationReport report = validator.validate(provide.bundle());
		if (!report.valid()) {
			dead(item, "bundle-invalide", Optional.empty(), "Bundle ITI-65 non conforme aux profils PDSm :\n"
					+ String.join("\n", report.errors()), Optional.of(encode(provide)), Optional.of(provide.submissionSetId()));
			return;
		}
		if (item.ambiguous() && foundAlready(item, provide)) {
			return;
		}
		if (!outbox.renewLease(item, lease)) {
			// Validation outlasted the lease and another dispatcher took the row over: it sends, not this one.
			log.warn("DMP outbox row {} was claimed again by another dispatcher; not sent from here", item.id());
			return;
		}
		RecipientAnswer answer;
		try {
			answer = circuitBreaker.executeSupplier(() -> recipient.provide(provide.bundle()));
		} catch (CallNotPermittedException e) {
			Instant next = clock.instant().plus(Duration.ofSeconds(5));
			tell(item, DeliveryOutcome.POSTPONED, "circuit ouvert : envoi différé", Optional.empty(),
					Optional.of(provide.submissionSetId()));
			outbox.postpone(item, "circuit ouvert vers le destinataire (identifiants refusés) : envoi différé", next);
			return;
		}
		handle(item, provide, answer);
	}

	private void handle(OutboxItem item, ProvideBundle provide, RecipientAnswer answer) {
		Optional<String> submissionSet = Optional.of(provide.submissionSetId());
		switch (answer.verdict()) {
			case STORED -> delivered(item, answer.httpStatus(), answer.location(), answer.detail(), submissionSet);
			case DUPLICATE -> {
				Optional<String> location = locate(item);
				if (location.isPresent()) {
					delivered(item, answer.httpStatus(), location, "déjà reçu par le destinataire (" + answer.detail() + ")",
							submissionSet);
				} else {
					dead(item, "doublon-introuvable", answer.httpStatus(), "Refusé comme doublon mais introuvable chez "
							+ "le destinataire : " + answer.detail(), Optional.of(encode(provide)), submissionSet);
				}
			}
			case RETRY, AMBIGUOUS -> retry(item, answer, submissionSet, provide);
			case UNAUTHORIZED -> {
				Instant next = clock.instant().plusMillis(circuitBreaker.getCircuitBreakerConfig()
						.getWaitIntervalFunctionInOpenState().apply(1));
				tell(item, DeliveryOutcome.POSTPONED, "identifiants refusés : " + answer.detail(), answer.httpStatus(),
						submissionSet);
				outbox.postpone(item, "identifiants refusés par le destinataire : " + answer.detail(), next);
			}
			case REJECTED -> dead(item, "refuse-par-le-destinataire", answer.httpStatus(), answer.detail(),
					Optional.of(encode(provide)), submissionSet);
		}
	}

	private void retry(OutboxItem item, RecipientAnswer answer, Optional<String> submissionSet, ProvideBundle provide) {
		boolean ambiguous = answer.verdict() == RecipientAnswer.Verdict.AMBIGUOUS;
		if (!retries.allowsAnother(item.attempts())) {
			dead(item, "tentatives-epuisees", answer.httpStatus(), "Échec après " + item.attempts() + " tentatives : "
					+ answer.detail(), Optional.of(encode(provide)), submissionSet);
			return;
		}
		Instant next = retries.next(item.attempts(), answer.retryAfter(), clock.instant());
		tell(item, DeliveryOutcome.RETRY, answer.detail(), answer.httpStatus(), submissionSet);
		outbox.markRetry(item, answer.httpStatus(), answer.detail(), next, ambiguous);
	}

	/** After an attempt that may have stored it: if the recipient has the document, it is delivered. */
	private boolean foundAlready(OutboxItem item, ProvideBundle provide) {
		Optional<String> location;
		try {
			location = locate(item);
		} catch (RecipientUnreachableException e) {
			retry(item, new RecipientAnswer(RecipientAnswer.Verdict.AMBIGUOUS, Optional.empty(),
					"vérification ITI-67 impossible avant renvoi : " + e.getMessage(), Optional.empty(), Optional.empty()),
					Optional.of(provide.submissionSetId()), provide);
			return true;
		}
		if (location.isPresent()) {
			delivered(item, Optional.empty(), location, "trouvé chez le destinataire après une tentative sans réponse",
					Optional.of(provide.submissionSetId()));
			return true;
		}
		return false;
	}

	private Optional<String> locate(OutboxItem item) {
		return recipient.locate(item.masterIdentifier());
	}

	private void delivered(OutboxItem item, Optional<Integer> status, Optional<String> location, String detail,
			Optional<String> submissionSet) {
		tell(item, DeliveryOutcome.DELIVERED, detail, status, submissionSet);
		outbox.markDelivered(item, status, location);
	}

	private void dead(OutboxItem item, String reason, Optional<Integer> status, String detail, Optional<String> bundle,
			Optional<String> submissionSet) {
		tell(item, DeliveryOutcome.DEAD, reason + " : " + detail, status, submissionSet);
		outbox.markDead(item, reason, status, detail, bundle);
	}

	/** Listeners first (the audit trail), then the outbox: an attempt is never recorded as done without its trace. */
	private void tell(OutboxItem item, DeliveryOutcome outcome, String detail, Optional<Integer> status,
			Optional<String> submissionSet) {
		DeliveryAttempt attempt = new DeliveryAttempt(item, outcome, detail, status, submissionSet, recipient.address(),
				clock.instant());
		for (DeliveryListener listener : listeners) {
			listener.attempted(attempt);
		}
	}

	private String encode(ProvideBundle provide) {
		return fhirContext.newJsonParser().setPrettyPrint(true).encodeResourceToString(provide.bundle());
	}
}
