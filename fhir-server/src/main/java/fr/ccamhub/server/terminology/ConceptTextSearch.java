package fr.ccamhub.server.terminology;

import ca.uhn.fhir.jpa.dao.data.ITermCodeSystemDao;
import ca.uhn.fhir.jpa.dao.data.ITermCodeSystemVersionDao;
import ca.uhn.fhir.jpa.dao.data.ITermConceptDao;
import ca.uhn.fhir.jpa.entity.TermCodeSystem;
import ca.uhn.fhir.jpa.entity.TermCodeSystemVersion;
import ca.uhn.fhir.jpa.entity.TermConcept;
import ca.uhn.fhir.jpa.entity.TermConceptDesignation;
import fr.ccamhub.server.search.TypedFilter;
import fr.ccamhub.server.terminology.IndexedInclude.IndexedFilter;
import fr.ccamhub.server.terminology.SearchableCompose.ConceptFilter;
import fr.ccamhub.server.terminology.SearchableCompose.SystemInclude;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;

/**
 * Finds the concepts of a {@link SearchableCompose} matching a {@link TypedFilter} in HAPI's
 * Hibernate Search index of {@code TermConcept}, ranked by relevance, one page at a time: one index
 * query (page and exact total) and one database read of the page's concepts.
 */
class ConceptTextSearch {

	private final EntityManager entityManager;
	private final ITermCodeSystemDao codeSystems;
	private final ITermCodeSystemVersionDao codeSystemVersions;
	private final ITermConceptDao concepts;

	ConceptTextSearch(EntityManager entityManager, ITermCodeSystemDao codeSystems,
			ITermCodeSystemVersionDao codeSystemVersions, ITermConceptDao concepts) {
		this.entityManager = entityManager;
		this.codeSystems = codeSystems;
		this.codeSystemVersions = codeSystemVersions;
		this.concepts = concepts;
	}

	/**
	 * The page of matching concepts, or empty when a code system version or a filter's concept is
	 * not in the terminology tables (HAPI then expands, or explains what is missing). Runs inside
	 * the caller's transaction.
	 *
	 * @param displayLanguage when given, a designation in that language replaces the display
	 */
	Optional<FoundConcepts> search(SearchableCompose compose, TypedFilter typed, ExpansionPage page, String displayLanguage) {
		List<IndexedInclude> includes = new ArrayList<>();
		for (SystemInclude include : compose.includes()) {
			Optional<IndexedInclude> indexed = indexed(include);
			if (indexed.isEmpty()) {
				return Optional.empty();
			}
			includes.add(indexed.get());
		}
		SearchSession session = Search.session(entityManager);
		var query = session.search(TermConcept.class)
				.where(f -> ConceptSearchPredicates.matching(f, typed, includes))
				.sort(f -> f.score());
		if (page.count() == 0) {
			return Optional.of(new FoundConcepts(query.fetchTotalHitCount(), List.of()));
		}
		SearchResult<TermConcept> result = query.fetch(page.offset(), page.count());
		Map<Long, IndexedInclude> byVersion = new HashMap<>();
		includes.forEach(include -> byVersion.put(include.versionPid(), include));
		List<FoundConcepts.Concept> found = new ArrayList<>(result.hits().size());
		for (TermConcept concept : result.hits()) {
			IndexedInclude include = byVersion.get(concept.getCodeSystemVersion().getPid());
			found.add(new FoundConcepts.Concept(
					include.system(), include.version(), concept.getCode(), display(concept, displayLanguage)));
		}
		return Optional.of(new FoundConcepts(result.total().hitCount(), found));
	}

	private Optional<IndexedInclude> indexed(SystemInclude include) {
		TermCodeSystemVersion version;
		if (include.version() == null) {
			TermCodeSystem codeSystem = codeSystems.findByCodeSystemUri(include.system());
			version = codeSystem == null ? null : codeSystem.getCurrentVersion();
		} else {
			version = codeSystemVersions.findByCodeSystemUriAndVersion(include.system(), include.version());
		}
		if (version == null) {
			return Optional.empty();
		}
		List<IndexedFilter> filters = new ArrayList<>();
		for (ConceptFilter filter : include.filters()) {
			if (filter.kind() == ConceptFilter.Kind.PROPERTY_EQUALS) {
				filters.add(new IndexedFilter(filter, null));
				continue;
			}
			Optional<TermConcept> concept = concepts.findByCodeSystemAndCode(version.getPid(), filter.value());
			if (concept.isEmpty()) {
				return Optional.empty();
			}
			filters.add(new IndexedFilter(filter, concept.get()));
		}
		return Optional.of(new IndexedInclude(include.system(), version.getCodeSystemVersionId(), version.getPid(), filters));
	}

	private static String display(TermConcept concept, String displayLanguage) {
		if (displayLanguage == null || displayLanguage.isBlank()) {
			return concept.getDisplay();
		}
		String wanted = displayLanguage.toLowerCase(Locale.ROOT);
		for (TermConceptDesignation designation : concept.getDesignations()) {
			String language = designation.getLanguage();
			if (language != null && (language.equalsIgnoreCase(wanted)
					|| language.toLowerCase(Locale.ROOT).startsWith(wanted + "-"))) {
				return designation.getValue();
			}
		}
		return concept.getDisplay();
	}
}
