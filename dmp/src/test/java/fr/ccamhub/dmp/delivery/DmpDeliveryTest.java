package fr.ccamhub.dmp.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import fr.ccamhub.dmp.bundle.PdsmBundleBuilder;
import fr.ccamhub.dmp.bundle.SampleDocuments;
import fr.ccamhub.dmp.bundle.SharedDocument;
import fr.ccamhub.dmp.gate.GateDecision;
import fr.ccamhub.dmp.gate.SharingGate;
import fr.ccamhub.dmp.outbox.DeadLetter;
import fr.ccamhub.dmp.outbox.DmpOutbox;
import fr.ccamhub.dmp.outbox.OutboxItem;
import fr.ccamhub.dmp.outbox.OutboxState;
import fr.ccamhub.dmp.outbox.QueuedDocument;
import fr.ccamhub.dmp.recipient.LocalDocumentRecipient;
import fr.ccamhub.dmp.recipient.LocalDocumentRecipient.Fault;
import fr.ccamhub.dmp.transport.PdsmHttpRecipient;
import fr.ccamhub.dmp.validation.PdsmValidator;
import fr.ccamhub.interceptors.consent.ConsentPolicy;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The delivery path on a real PostgreSQL and a real HTTP Document Recipient that validates what it receives. */
class DmpDeliveryTest {

	private static final FhirContext FHIR = FhirContext.forR4Cached();
	private static final Duration LEASE = Duration.ofSeconds(30);
	private static PdsmValidator validator;

	private DataSource dataSource;
	private DmpOutbox outbox;
	private LocalDocumentRecipient recipient;
	private final Set<ConsentPolicy> consents = EnumSet.noneOf(ConsentPolicy.class);
	private Patient patient = SampleDocuments.patient("VALI");
	private final List<DeliveryAttempt> attempts = new CopyOnWriteArrayList<>();
	private CircuitBreaker circuitBreaker;
	private DmpDispatcher dispatcher;

	@BeforeAll
	static void loadValidator() {
		validator = new PdsmValidator(FHIR);
	}

	@BeforeEach
	void start() throws Exception {
		dataSource = DmpDatabase.fresh();
		outbox = new DmpOutbox(dataSource);
		recipient = new LocalDocumentRecipient(FHIR, validator);
		circuitBreaker = CircuitBreaker.of("dmp", CircuitBreakerConfig.custom()
				.recordResult(answer -> answer instanceof fr.ccamhub.dmp.transport.RecipientAnswer recipientAnswer
						&& recipientAnswer.verdict() == fr.ccamhub.dmp.transport.RecipientAnswer.Verdict.UNAUTHORIZED)
				.slidingWindowSize(5).minimumNumberOfCalls(1).failureRateThreshold(50)
				.waitDurationInOpenState(Duration.ofMinutes(1)).build());
		PdsmHttpRecipient transport = new PdsmHttpRecipient(FHIR, recipient.base(), Optional.empty(), Optional::empty,
				false, Duration.ofSeconds(2), Duration.ofMillis(700));
		SharedDocumentSource documents = item -> Optional.of(new SharedDocument(SampleDocuments.documentReference(),
				SampleDocuments.content(), patient, List.of(SampleDocuments.author()), Optional.empty(), Optional.empty()));
		dispatcher = new DmpDispatcher(outbox, documents, patientId -> consents, new SharingGate(List.of("VALI")),
				new PdsmBundleBuilder(SampleDocuments.settings(), Clock.systemUTC()), validator, transport, circuitBreaker,
				new RetrySchedule(Duration.ofMillis(1), 2.0, 0.5, Duration.ofMillis(10), 5), List.of(attempts::add),
				FHIR, Clock.systemUTC());
	}

	@AfterEach
	void stop() {
		recipient.close();
	}

	@Test
	void a_queued_document_reaches_the_recipient_once_and_valid() throws Exception {
		long id = queue("urn:oid:1.2.3.1");

		dispatchUntilSettled();

		assertThat(recipient.stored()).hasSize(1);
		assertThat(recipient.validations()).allSatisfy(report -> assertThat(report.errors()).isEmpty());
		OutboxItem item = outbox.find(id).orElseThrow();
		assertThat(item.state()).isEqualTo(OutboxState.DELIVERED);
		assertThat(item.remoteLocation()).hasValueSatisfying(location -> assertThat(location).startsWith("DocumentReference/"));
		assertThat(attempts).extracting(DeliveryAttempt::outcome).containsExactly(DeliveryOutcome.DELIVERED);
	}

	@Test
	void an_opposition_recorded_after_queueing_holds_the_document_with_a_readable_reason() throws Exception {
		long id = queue("urn:oid:1.2.3.2");
		consents.add(ConsentPolicy.OPPOSITION_SHARING);

		dispatchUntilSettled();

		assertThat(recipient.provideRequests()).isEmpty();
		OutboxItem item = outbox.find(id).orElseThrow();
		assertThat(item.state()).isEqualTo(OutboxState.HELD);
		assertThat(item.holdText()).hasValueSatisfying(text -> assertThat(text).contains("s'oppose"));
		assertThat(item.attempts()).isZero();
	}

	@Test
	void an_identity_that_is_not_qualified_holds_the_document() throws Exception {
		patient = SampleDocuments.patient("PROV");
		long id = queue("urn:oid:1.2.3.3");

		dispatchUntilSettled();

		assertThat(recipient.provideRequests()).isEmpty();
		assertThat(outbox.find(id).orElseThrow().holdText())
				.hasValueSatisfying(text -> assertThat(text).contains("PROV").contains("VALI"));
	}

	@Test
	void three_503_then_success_deliver_the_document_once() throws Exception {
		recipient.failNext(new Fault.Status(503), new Fault.Status(503), new Fault.Status(503));
		long id = queue("urn:oid:1.2.3.4");

		dispatchUntilSettled();

		assertThat(recipient.provideRequests()).hasSize(4);
		assertThat(recipient.stored()).hasSize(1);
		assertThat(outbox.find(id).orElseThrow().attempts()).isEqualTo(4);
		assertThat(attempts).extracting(DeliveryAttempt::outcome).containsExactly(DeliveryOutcome.RETRY,
				DeliveryOutcome.RETRY, DeliveryOutcome.RETRY, DeliveryOutcome.DELIVERED);
	}

	@Test
	void a_timeout_after_the_recipient_stored_the_document_does_not_send_it_twice() throws Exception {
		recipient.failNext(new Fault.Stall(Duration.ofMillis(1500)));
		long id = queue("urn:oid:1.2.3.5");

		dispatchUntilSettled();

		assertThat(recipient.provideRequests()).hasSize(1);
		assertThat(recipient.stored()).hasSize(1);
		OutboxItem item = outbox.find(id).orElseThrow();
		assertThat(item.state()).isEqualTo(OutboxState.DELIVERED);
		assertThat(attempts).extracting(DeliveryAttempt::outcome).containsExactly(DeliveryOutcome.RETRY,
				DeliveryOutcome.DELIVERED);
	}

	@Test
	void a_connection_dropped_after_storing_does_not_send_it_twice() throws Exception {
		recipient.failNext(new Fault.Drop());
		long id = queue("urn:oid:1.2.3.6");

		dispatchUntilSettled();

		assertThat(recipient.provideRequests()).hasSize(1);
		assertThat(recipient.stored()).hasSize(1);
		assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(OutboxState.DELIVERED);
	}

	@Test
	void a_422_goes_to_the_dead_letters_and_a_replay_delivers_it() throws Exception {
		recipient.failNext(new Fault.Status(422));
		long id = queue("urn:oid:1.2.3.7");

		dispatchUntilSettled();

		assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(OutboxState.DEAD);
		List<DeadLetter> letters = outbox.deadLetters(false, 10);
		assertThat(letters).singleElement().satisfies(letter -> {
			assertThat(letter.httpStatus()).contains(422);
			assertThat(letter.detail()).contains("erreur scriptée 422");
			assertThat(letter.bundle()).isPresent();
		});

		assertThat(outbox.deadLetter(letters.get(0).id())).hasValueSatisfying(letter -> assertThat(letter.bundle()).isPresent());
		assertThat(outbox.replay(letters.get(0).id(), "admin")).isTrue();
		assertThat(outbox.replay(letters.get(0).id(), "admin")).isFalse();
		dispatchUntilSettled();

		assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(OutboxState.DELIVERED);
		assertThat(recipient.stored()).hasSize(1);
		assertThat(outbox.deadLetters(false, 10)).isEmpty();
	}

	@Test
	void refused_credentials_open_the_circuit_without_using_up_the_attempts() throws Exception {
		recipient.answerAlways(401);
		long first = queue("urn:oid:1.2.3.8");
		long second = queue("urn:oid:1.2.3.9");

		dispatcher.dispatchDue(10, LEASE);

		assertThat(circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(recipient.provideRequests()).hasSize(1);
		assertThat(outbox.find(first).orElseThrow().state()).isEqualTo(OutboxState.PENDING);
		assertThat(outbox.find(first).orElseThrow().attempts()).isZero();
		assertThat(outbox.find(second).orElseThrow().attempts()).isZero();
		assertThat(outbox.find(second).orElseThrow().lastError())
				.hasValueSatisfying(error -> assertThat(error).contains("circuit ouvert"));
	}

	@Test
	void retries_that_keep_failing_end_in_the_dead_letters() throws Exception {
		recipient.answerAlways(503);
		long id = queue("urn:oid:1.2.3.10");

		dispatchUntilSettled();

		assertThat(recipient.provideRequests()).hasSize(5);
		assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(OutboxState.DEAD);
		assertThat(outbox.deadLetters(false, 10)).singleElement()
				.satisfies(letter -> assertThat(letter.reason()).isEqualTo("tentatives-epuisees"));
	}

	@Test
	void a_document_is_queued_once_whatever_the_replays() throws Exception {
		queue("urn:oid:1.2.3.11");
		try (Connection connection = dataSource.getConnection()) {
			assertThat(DmpOutbox.enqueue(connection, new QueuedDocument("12", "2", "42", "urn:oid:1.2.3.11",
					Optional.empty()), GateDecision.send())).isFalse();
		}
		assertThat(outbox.list(Optional.empty(), 10)).hasSize(1);
	}

	@Test
	void a_row_whose_dispatcher_died_mid_send_is_looked_up_before_it_is_sent_again() throws Exception {
		long id = queue("urn:oid:1.2.3.12");
		// A dispatcher claims the row, sends it, and dies before recording the answer.
		// Its lease runs out at once: the next claim takes the row over, as after a crash.
		OutboxItem claimed = outbox.claimDue(1, Duration.ZERO).get(0);
		SharedDocument document = new SharedDocument(SampleDocuments.documentReference(), SampleDocuments.content(),
				patient, List.of(SampleDocuments.author()), Optional.empty(), Optional.empty());
		new PdsmHttpRecipient(FHIR, recipient.base(), Optional.empty(), Optional::empty, false, Duration.ofSeconds(2),
				Duration.ofSeconds(2)).provide(new PdsmBundleBuilder(SampleDocuments.settings(), Clock.systemUTC())
				.build(document, claimed.masterIdentifier(), claimed.id()).bundle());

		dispatchUntilSettled();

		assertThat(recipient.provideRequests()).hasSize(1);
		assertThat(recipient.stored()).hasSize(1);
		assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(OutboxState.DELIVERED);
	}

	private long queue(String masterIdentifier) throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			DocumentReference document = SampleDocuments.documentReference();
			DmpOutbox.enqueue(connection, new QueuedDocument(document.getIdElement().getIdPart(),
					document.getIdElement().getVersionIdPart(), "42", masterIdentifier, Optional.empty()), GateDecision.send());
		}
		return outbox.list(Optional.empty(), 1).get(0).id();
	}

	/** Dispatches until nothing is due any more (the backoffs here are milliseconds). */
	private void dispatchUntilSettled() {
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> {
			dispatcher.dispatchDue(10, LEASE);
			return outbox.list(Optional.of(OutboxState.PENDING), 10).isEmpty()
					&& outbox.list(Optional.of(OutboxState.SENDING), 10).isEmpty();
		});
	}
}
