package fr.ccamhub.server.terminology;

import java.util.List;

/**
 * One page of concepts matching a filter, best first, and how many match in all.
 *
 * @param total concepts matching, over every page
 * @param concepts this page's concepts
 */
record FoundConcepts(long total, List<Concept> concepts) {

	FoundConcepts {
		concepts = List.copyOf(concepts);
	}

	/** A concept as the expansion lists it. */
	record Concept(String system, String version, String code, String display) {}
}
