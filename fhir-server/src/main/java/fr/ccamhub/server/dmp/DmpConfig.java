package fr.ccamhub.server.dmp;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import fr.ccamhub.dmp.audit.DmpAuditEvents;
import fr.ccamhub.dmp.bundle.PdsmBundleBuilder;
import fr.ccamhub.dmp.bundle.PdsmSettings;
import fr.ccamhub.dmp.delivery.DmpDispatcher;
import fr.ccamhub.dmp.delivery.RetrySchedule;
import fr.ccamhub.dmp.gate.SharingGate;
import fr.ccamhub.dmp.outbox.DmpOutbox;
import fr.ccamhub.dmp.outbox.DmpSchema;
import fr.ccamhub.dmp.transport.PdsmHttpRecipient;
import fr.ccamhub.dmp.transport.RecipientAnswer;
import fr.ccamhub.dmp.validation.PdsmValidator;
import fr.ccamhub.interceptors.audit.AuditEventRepository;
import fr.ccamhub.interceptors.consent.ConsentPolicyLookup;
import fr.ccamhub.server.fhir.RestInterceptor;
import fr.ccamhub.server.fhir.StorageInterceptor;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.hl7.fhir.r4.model.Coding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Sharing with the DMP / Mon espace santé, when {@code ccamhub.dmp.enabled}: the outbox tables, the queueing
 * interceptor (documents queued in the transaction that stores them), the PDSm validator, the HTTP transport to the
 * configured Document Recipient, the dispatcher and the Camel route that drives it, the audit trail of every attempt.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ccamhub.dmp.enabled", havingValue = "true")
public class DmpConfig {

	private static final Logger log = LoggerFactory.getLogger(DmpConfig.class);

	@Bean
	DmpOutbox dmpOutbox(DataSource dataSource, DmpProperties properties) throws SQLException {
		checkRequired(properties);
		try (Connection connection = dataSource.getConnection()) {
			DmpSchema.create(connection);
		}
		return new DmpOutbox(dataSource);
	}

	@Bean
	SharingGate dmpSharingGate(DmpProperties properties) {
		return new SharingGate(properties.qualifyingIdentityStatuses());
	}

	@Bean
	DmpWakeUp dmpWakeUp(@Lazy ProducerTemplate producer) {
		return () -> {
			try {
				producer.sendBody(DmpDeliveryRoute.WAKE_UP, "");
			} catch (RuntimeException e) {
				log.debug("DMP wake-up not delivered ({}); the timer will pick the documents up", e.getMessage());
			}
		};
	}

	@Bean
	StorageInterceptor dmpQueueInterceptor(DataSource dataSource, DaoRegistry daos, ConsentPolicyLookup consents,
			SharingGate gate, DmpProperties properties, DmpOutbox outbox, DmpWakeUp wakeUp) {
		return new StorageInterceptor(new DmpQueueInterceptor(dataSource, daos, consents, gate, properties.sourceId(),
				properties.documentTypes(), properties.releaseHeldWhenCleared(), outbox, wakeUp::documentsQueued));
	}

	/** Loaded once per JVM: the PDSm, MHD, Annuaire and FR Core packages cost seconds and tens of megabytes. */
	@Bean
	PdsmValidator pdsmValidator(FhirContext fhirContext) {
		long start = System.nanoTime();
		PdsmValidator validator = new PdsmValidator(fhirContext);
		log.info("PDSm validator loaded ({} packages) in {} ms", PdsmValidator.PACKAGES.size(),
				(System.nanoTime() - start) / 1_000_000);
		return validator;
	}

	@Bean
	PdsmHttpRecipient dmpRecipient(FhirContext fhirContext, DmpProperties properties) {
		Supplier<Optional<String>> tokens = properties.oauth2().configured()
				? new DmpAccessTokens(properties.oauth2())
				: Optional::empty;
		return new PdsmHttpRecipient(fhirContext, properties.endpoint(), DmpClientTls.of(properties.tls()), tokens,
				properties.oauth2().configured(), properties.connectTimeout(), properties.readTimeout());
	}

	@Bean
	DmpDispatcher dmpDispatcher(DmpOutbox outbox, DaoRegistry daos, ConsentPolicyLookup consents, SharingGate gate,
			PdsmValidator validator, PdsmHttpRecipient recipient, DmpProperties properties,
			AuditEventRepository auditEvents, MeterRegistry meters, FhirContext fhirContext) {
		DmpProperties.CircuitBreaker breaker = properties.circuitBreaker();
		CircuitBreaker circuitBreaker = CircuitBreaker.of("dmp-recipient", CircuitBreakerConfig.custom()
				.recordResult(answer -> answer instanceof RecipientAnswer recipientAnswer
						&& recipientAnswer.verdict() == RecipientAnswer.Verdict.UNAUTHORIZED)
				.slidingWindowSize(breaker.slidingWindowSize()).minimumNumberOfCalls(1)
				.failureRateThreshold(breaker.failureRateThreshold())
				.waitDurationInOpenState(breaker.waitInOpenState()).build());
		circuitBreaker.getEventPublisher().onStateTransition(event -> log.warn("DMP recipient circuit: {}",
				event.getStateTransition()));
		DmpProperties.Retry retry = properties.retry();
		return new DmpDispatcher(outbox, new FhirSharedDocumentSource(daos, outbox), consents, gate,
				new PdsmBundleBuilder(settings(properties), Clock.systemUTC()), validator, recipient, circuitBreaker,
				new RetrySchedule(retry.initialBackoff(), retry.multiplier(), retry.jitter(), retry.maxBackoff(),
						retry.maxAttempts()),
				List.of(attempt -> auditEvents.store(DmpAuditEvents.of(attempt)), new SharingRecordListener(daos),
						new DmpMetrics(meters, outbox)),
				fhirContext, Clock.systemUTC());
	}

	/** Partners' ITI-67 answers and reads of DocumentReferences in PDSm Comprehensive shape (after consent and audit). */
	@Bean
	RestInterceptor pdsmResponderInterceptor(DaoRegistry daos, DmpProperties properties) {
		return new RestInterceptor(850, new PdsmResponderInterceptor(daos,
				new PdsmBundleBuilder(settings(properties), Clock.systemUTC()), properties.sourceId()));
	}

	@Bean
	DmpDeliveryRoute dmpDeliveryRoute(DmpDispatcher dispatcher, DmpProperties properties) {
		return new DmpDeliveryRoute(dispatcher, properties.dispatcher());
	}

	static PdsmSettings settings(DmpProperties properties) {
		DmpProperties.Codes codes = properties.codes();
		Map<String, Coding> classes = new LinkedHashMap<>();
		codes.classes().forEach((type, code) -> classes.put(type, coding(code, "ccamhub.dmp.codes.classes." + type)));
		Map<String, Coding> formats = new LinkedHashMap<>();
		codes.formats().forEach((mime, code) -> formats.put(mime, coding(code, "ccamhub.dmp.codes.formats")));
		return new PdsmSettings(properties.sourceId(), properties.organization().finess(), properties.organization().name(),
				coding(codes.facilityType(), "ccamhub.dmp.codes.facility-type"),
				coding(codes.practiceSetting(), "ccamhub.dmp.codes.practice-setting"),
				coding(codes.designationType(), "ccamhub.dmp.codes.designation-type"),
				coding(codes.defaultClass(), "ccamhub.dmp.codes.default-class"), classes, formats);
	}

	private static Coding coding(DmpProperties.Code code, String key) {
		if (code == null || code.system() == null || code.code() == null) {
			throw new IllegalStateException(key + ": system and code are required");
		}
		return new Coding(code.system(), code.code(), code.display().isBlank() ? null : code.display());
	}

	private static void checkRequired(DmpProperties properties) {
		if (properties.endpoint() == null) {
			throw new IllegalStateException("ccamhub.dmp.enabled is true: ccamhub.dmp.endpoint (the Document Recipient's "
					+ "FHIR base URL) is required");
		}
		java.time.Duration send = properties.connectTimeout().plus(properties.readTimeout());
		if (properties.dispatcher().lease().compareTo(send) <= 0) {
			throw new IllegalStateException("ccamhub.dmp.dispatcher.lease (" + properties.dispatcher().lease()
					+ ") must outlast a send, connect-timeout + read-timeout (" + send + "): a row whose lease runs out"
					+ " is taken over by another dispatcher");
		}
		if (properties.sourceId().isBlank() || properties.organization().finess().isBlank()) {
			throw new IllegalStateException("ccamhub.dmp.enabled is true: ccamhub.dmp.source-id (this system's OID) and "
					+ "ccamhub.dmp.organization.finess are required");
		}
	}
}
