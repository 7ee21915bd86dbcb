package fr.ccamhub.server.fhir;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How HAPI's JPA layer stores and indexes resources.
 *
 * @param fullTextIndexing index narrative and content in Lucene for {@code _text} and {@code _content}
 * @param deferIndexingForCodeSystemsOfSize code systems up to this many concepts are stored in a
 *     single transaction (all or nothing); larger ones go through HAPI's deferred queue
 * @param preExpandValueSets let HAPI pre-expand ValueSets into tables in the background
 * @param maximumExpansionSize most concepts one {@code $expand} may return
 */
@ConfigurationProperties("ccamhub.fhir.storage")
public record FhirStorageProperties(
		boolean fullTextIndexing,
		int deferIndexingForCodeSystemsOfSize,
		boolean preExpandValueSets,
		int maximumExpansionSize) {}
