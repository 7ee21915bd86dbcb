package fr.ccamhub.server.fhir;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The FHIR REST endpoint.
 *
 * @param path servlet path the FHIR API is served under
 * @param serverAddress public base URL written into links; empty to derive it from each request
 * @param defaultPageSize search results per page when the client does not say {@code _count}
 * @param maxPageSize largest {@code _count} honoured
 * @param openApi serve the OpenAPI description and Swagger UI under the FHIR path
 */
@ConfigurationProperties("ccamhub.fhir.server")
public record FhirServerProperties(
		String path, String serverAddress, int defaultPageSize, int maxPageSize, boolean openApi) {}
