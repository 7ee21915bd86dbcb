package fr.ccamhub.server.terminology;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How {@code ValueSet/$expand} answers a {@code filter}: searched in the terminology index, ranked
 * by relevance and paged.
 *
 * @param enabled answer filtered expansions of code-system-based ValueSets with the ranked search;
 *     off, HAPI expands them itself (exact phrase, whole result, 400 beyond {@code count})
 * @param defaultCount concepts per page when the request gives no {@code count}
 * @param maxCount largest page; a larger {@code count} is cut to it (the answer's {@code total} and
 *     {@code offset} let the client page on)
 */
@ConfigurationProperties("ccamhub.terminology.search")
public record TerminologySearchProperties(boolean enabled, int defaultCount, int maxCount) {

	public TerminologySearchProperties {
		if (maxCount < 1 || defaultCount < 0 || defaultCount > maxCount) {
			throw new IllegalArgumentException("ccamhub.terminology.search: need 0 <= default-count <= max-count and "
					+ "max-count >= 1, got default-count " + defaultCount + ", max-count " + maxCount);
		}
	}
}
