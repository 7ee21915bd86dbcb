package fr.ccamhub.server.fhir;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits that keep one FHIR client from hurting the others.
 *
 * @param maxRequestSize largest request body (a resource, a Bundle, Parameters); larger is a 413
 * @param maxBinarySize largest body sent to {@code /Binary} (documents, images)
 */
@ConfigurationProperties("ccamhub.fhir.limits")
public record FhirLimitsProperties(
		@DefaultValue("20MB") DataSize maxRequestSize,
		@DefaultValue("50MB") DataSize maxBinarySize) {}
