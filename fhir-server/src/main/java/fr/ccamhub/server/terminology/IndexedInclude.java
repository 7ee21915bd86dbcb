package fr.ccamhub.server.terminology;

import ca.uhn.fhir.jpa.entity.TermConcept;
import fr.ccamhub.server.terminology.SearchableCompose.ConceptFilter;
import java.util.List;

/**
 * A {@link SearchableCompose.SystemInclude} resolved against HAPI's terminology tables: the stored
 * code system version, and each hierarchy filter's concept.
 *
 * @param system code system URL
 * @param version version id as stored (the current one when the include named none)
 * @param versionPid HAPI's key of that version, as indexed on its concepts
 * @param filters the include's filters, hierarchy ones with their concept
 */
record IndexedInclude(String system, String version, long versionPid, List<IndexedFilter> filters) {

	IndexedInclude {
		filters = List.copyOf(filters);
	}

	/** A filter and, for {@code is-a} / {@code descendent-of}, the stored concept it names. */
	record IndexedFilter(ConceptFilter filter, TermConcept concept) {}
}
