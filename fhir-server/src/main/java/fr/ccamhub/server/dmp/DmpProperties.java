package fr.ccamhub.server.dmp;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sharing documents with the DMP / Mon espace santé ({@code ccamhub.dmp}): off unless {@code enabled}; then which
 * documents are shared, who shares them, where they go and how, and how hard delivery tries.
 *
 * @param enabled queue and send documents at all
 * @param endpoint the Document Recipient's FHIR base URL (ANS PDSm, ITI-65)
 * @param sourceId OID of this system (SubmissionSet {@code sourceId})
 * @param documentTypes LOINC document types that are shared; a final document of another type is not queued
 * @param qualifyingIdentityStatuses FR Core identity statuses under which a patient's INS may be used
 * @param releaseHeldWhenCleared put held documents back in the queue when what held them is gone (an opposition
 *     withdrawn); off by default, so that a human decides
 */
@ConfigurationProperties("ccamhub.dmp")
public record DmpProperties(
		@DefaultValue("false") boolean enabled,
		URI endpoint,
		@DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("30s") Duration readTimeout,
		@DefaultValue Tls tls,
		@DefaultValue OAuth2 oauth2,
		@DefaultValue("") String sourceId,
		@DefaultValue Organization organization,
		@DefaultValue({"11490-0", "34133-9", "11502-2", "18748-4", "34874-8", "11488-4", "11506-3"}) List<String> documentTypes,
		@DefaultValue("VALI") List<String> qualifyingIdentityStatuses,
		@DefaultValue("false") boolean releaseHeldWhenCleared,
		@DefaultValue Codes codes,
		@DefaultValue Dispatcher dispatcher,
		@DefaultValue Retry retry,
		@DefaultValue CircuitBreaker circuitBreaker) {

	/** The structure's client certificate (IGC Santé ORG AUTH_CLI) and the roots it trusts, as PKCS#12 or JKS. */
	public record Tls(
			@DefaultValue("") String keyStore,
			@DefaultValue("") String keyStorePassword,
			@DefaultValue("") String trustStore,
			@DefaultValue("") String trustStorePassword) {

		public boolean hasKeyStore() {
			return !keyStore.isBlank();
		}
	}

	/** An OAuth2 client-credentials grant whose access token goes with each request; off while tokenUri is empty. */
	public record OAuth2(
			@DefaultValue("") String tokenUri,
			@DefaultValue("") String clientId,
			@DefaultValue("") String clientSecret,
			@DefaultValue("") String scope) {

		public boolean configured() {
			return !tokenUri.isBlank();
		}
	}

	/** The structure sharing the documents: custodian and author organisation. */
	public record Organization(
			@DefaultValue("") String finess,
			@DefaultValue("") String name) {}

	/** A code as configured: system, code, display. */
	public record Code(String system, String code, @DefaultValue("") String display) {}

	/** The French codes that class shared documents. */
	public record Codes(
			@DefaultValue Code facilityType,
			@DefaultValue Code practiceSetting,
			@DefaultValue Code designationType,
			@DefaultValue Code defaultClass,
			@DefaultValue Map<String, Code> classes,
			@DefaultValue Map<String, Code> formats) {}

	/**
	 * How often the delivery route looks for due documents, how many dispatchers send at once, how many rows each
	 * takes per round, and how long it holds each.
	 */
	public record Dispatcher(
			@DefaultValue("1s") Duration interval,
			@DefaultValue("2") int concurrency,
			@DefaultValue("20") int batchSize,
			@DefaultValue("2m") Duration lease) {

		public Dispatcher {
			if (concurrency < 1 || batchSize < 1) {
				throw new IllegalArgumentException("ccamhub.dmp.dispatcher.concurrency and batch-size must be at least 1");
			}
		}
	}

	/** Exponential backoff with jitter between attempts; after maxAttempts the document goes to the dead letters. */
	public record Retry(
			@DefaultValue("10") int maxAttempts,
			@DefaultValue("30s") Duration initialBackoff,
			@DefaultValue("3") double multiplier,
			@DefaultValue("0.5") double jitter,
			@DefaultValue("6h") Duration maxBackoff) {}

	/** Opened by refused credentials (401, 403): no request is sent while open. */
	public record CircuitBreaker(
			@DefaultValue("1m") Duration waitInOpenState,
			@DefaultValue("5") int slidingWindowSize,
			@DefaultValue("50") float failureRateThreshold) {}
}
