package fr.ccamhub.server.terminology;

import ca.uhn.fhir.jpa.entity.TermConceptPropertyBinder;
import fr.ccamhub.server.search.TypedFilter;
import fr.ccamhub.server.terminology.IndexedInclude.IndexedFilter;
import java.util.List;
import java.util.Locale;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.MatchPredicateOptionsStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;

/**
 * Hibernate Search predicates over HAPI's indexed {@code TermConcept}: which concepts a typed filter
 * matches and how they rank, and which concepts a compose includes. The field names are HAPI's.
 *
 * <p>Ranking is Lucene's BM25 on the display, where every typed word is a required clause (shorter
 * labels holding the words rank first); the word being typed is required as a prefix of a display
 * word and ranked by BM25 on the indexed word starts; a whole word beats a word that only starts
 * with the prefix; the typed words close together and in order add a phrase bonus; and a code
 * equal to or starting with the filter comes first.
 */
final class ConceptSearchPredicates {

	static final String DISPLAY = "myDisplay";
	/** HAPI's n-gram field of the display, indexed here with the start of every word. */
	static final String DISPLAY_WORD_STARTS = "myDisplayNGram";
	static final String CODE = "myCode";
	static final String CODE_SYSTEM_VERSION = "myCodeSystemVersionPid";
	static final String PARENT_PIDS = "myParentPids";
	static final String ID = "myId";

	static final float WHOLE_WORD_BOOST = 2f;
	static final float PHRASE_BOOST = 3f;
	static final int PHRASE_SLOP = 3;
	static final float EXACT_CODE_BOOST = 100f;
	static final float CODE_PREFIX_BOOST = 20f;

	private ConceptSearchPredicates() {}

	/** Concepts of one of {@code includes} matching {@code typed}, scored for ranking. */
	static PredicateFinalStep matching(SearchPredicateFactory f, TypedFilter typed, List<IndexedInclude> includes) {
		return f.bool().must(text(f, typed)).filter(membership(f, includes));
	}

	static PredicateFinalStep text(SearchPredicateFactory f, TypedFilter typed) {
		boolean hasWords = !typed.requiredWords().isEmpty() || typed.prefix() != null;
		if (typed.codePrefix() == null) {
			return label(f, typed);
		}
		BooleanPredicateClausesStep<?> labelOrCode = f.bool();
		if (hasWords) {
			labelOrCode.should(label(f, typed));
		}
		for (String code : codeSpellings(typed.codePrefix())) {
			labelOrCode.should(f.match().field(CODE).matching(code).skipAnalysis().boost(EXACT_CODE_BOOST));
			labelOrCode.should(f.prefix().field(CODE).matching(code).boost(CODE_PREFIX_BOOST));
		}
		return labelOrCode;
	}

	private static PredicateFinalStep label(SearchPredicateFactory f, TypedFilter typed) {
		BooleanPredicateClausesStep<?> label = f.bool();
		for (String word : typed.requiredWords()) {
			label.must(word(f, word));
		}
		for (String word : typed.optionalWords()) {
			label.should(word(f, word));
		}
		if (typed.prefix() != null) {
			PredicateFinalStep beingTyped = f.bool()
					.filter(f.prefix().field(DISPLAY).matching(typed.prefix()))
					.should(f.match().field(DISPLAY_WORD_STARTS).matching(typed.prefix()).skipAnalysis())
					.should(word(f, typed.prefix()).boost(WHOLE_WORD_BOOST));
			if (typed.prefixRequired()) {
				label.must(beingTyped);
			} else {
				label.should(beingTyped);
			}
		}
		List<String> completeWords = typed.prefix() == null
				? typed.typedWords()
				: typed.typedWords().subList(0, typed.typedWords().size() - 1);
		if (completeWords.size() >= 2) {
			label.should(f.phrase().field(DISPLAY).matching(String.join(" ", completeWords))
					.slop(PHRASE_SLOP).boost(PHRASE_BOOST));
		}
		return label;
	}

	private static MatchPredicateOptionsStep<?> word(SearchPredicateFactory f, String word) {
		return f.match().field(DISPLAY).matching(word).skipAnalysis();
	}

	/** Codes are indexed as written; people type them in either case. */
	private static List<String> codeSpellings(String typed) {
		String upper = typed.toUpperCase(Locale.ROOT);
		return upper.equals(typed) ? List.of(typed) : List.of(typed, upper);
	}

	static PredicateFinalStep membership(SearchPredicateFactory f, List<IndexedInclude> includes) {
		if (includes.size() == 1) {
			return include(f, includes.get(0));
		}
		BooleanPredicateClausesStep<?> anyInclude = f.bool();
		includes.forEach(include -> anyInclude.should(include(f, include)));
		return anyInclude;
	}

	private static PredicateFinalStep include(SearchPredicateFactory f, IndexedInclude include) {
		BooleanPredicateClausesStep<?> concepts = f.bool()
				.filter(f.match().field(CODE_SYSTEM_VERSION).matching(include.versionPid()));
		for (IndexedFilter filter : include.filters()) {
			concepts.filter(filter(f, filter));
		}
		return concepts;
	}

	private static PredicateFinalStep filter(SearchPredicateFactory f, IndexedFilter indexed) {
		return switch (indexed.filter().kind()) {
			case IS_A -> f.bool()
					.should(f.match().field(PARENT_PIDS).matching(Long.toString(indexed.concept().getId())))
					.should(f.match().field(ID).matching(indexed.concept().getPid()));
			case DESCENDENT_OF -> f.match().field(PARENT_PIDS).matching(Long.toString(indexed.concept().getId()));
			case PROPERTY_EQUALS -> f.match()
					.field(TermConceptPropertyBinder.CONCEPT_PROPERTY_PREFIX_NAME + indexed.filter().property())
					.matching(indexed.filter().value());
		};
	}
}
