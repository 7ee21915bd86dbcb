package fr.ccamhub.server.terminology;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

/**
 * The slice of a ranked expansion one {@code $expand} answers.
 *
 * @param offset concepts skipped, from 0
 * @param count most concepts returned
 */
public record ExpansionPage(int offset, int count) {

	/** The page asked for, the server's default when absent, cut to the server's maximum. */
	public static ExpansionPage requested(Integer offset, Integer count, TerminologySearchProperties limits) {
		if (offset != null && offset < 0) {
			throw new InvalidRequestException("offset must be 0 or more, got " + offset);
		}
		if (count != null && count < 0) {
			throw new InvalidRequestException("count must be 0 or more, got " + count);
		}
		int pageSize = count == null ? limits.defaultCount() : Math.min(count, limits.maxCount());
		return new ExpansionPage(offset == null ? 0 : offset, pageSize);
	}
}
