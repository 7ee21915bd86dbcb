package fr.ccamhub.server.search;

import static ca.uhn.fhir.jpa.model.search.SearchParamTextPropertyBinder.LOWERCASE_ASCIIFOLDING_NORMALIZER;

import org.apache.lucene.analysis.core.KeywordTokenizerFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.core.WhitespaceTokenizerFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.ngram.EdgeNGramFilterFactory;
import org.apache.lucene.analysis.phonetic.PhoneticFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.util.ElisionFilterFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The Lucene analyzers HAPI's entities refer to, tuned for French labels: every text analyzer
 * folds case and accents and drops elided articles ({@code l'}, {@code d'}).
 *
 * <p>HAPI's own configurer indexes terminology displays with edge n-grams of length 3 and
 * analyses the {@code $expand} filter with the same analyzer, so {@code appendicectomie} also
 * matched every label with a word starting {@code app} ("APPAREIL ..."). Here the two analyzers
 * behind that filter match whole words, accent- and case-insensitively: {@code echographie}
 * finds "Échographie", and nothing else creeps in. Their chain is {@link FrenchWordAnalysis}, which
 * also parses the filters people type ({@code $expand?filter=}, see {@link TypedFilter}). The
 * display's n-gram field, unused by HAPI, holds word starts instead, to rank the word being typed.
 */
public class FrenchLuceneAnalysisConfigurer implements LuceneAnalysisConfigurer {

	/** HAPI's name for the analyzer of {@code TermConcept.myDisplayNGram}. */
	private static final String WORD_STARTS_ANALYZER = "autocompleteNGramAnalyzer";

	/** Longest word start indexed; longer typed prefixes still match, without this ranking. */
	private static final int MAX_WORD_START_LENGTH = 30;

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		for (String wordAnalyzer : new String[] {"standardAnalyzer", "autocompleteEdgeAnalyzer", "autocompleteWordEdgeAnalyzer"}) {
			var analyzer = context.analyzer(wordAnalyzer).custom().tokenizer(FrenchWordAnalysis.TOKENIZER);
			for (String filter : FrenchWordAnalysis.TOKEN_FILTERS) {
				analyzer.tokenFilter(filter);
			}
		}

		// Only TermConcept.myDisplayNGram uses this one, and HAPI never queries it: it holds the starts of
		// every folded word, so the word being typed in $expand?filter= ranks by BM25 (short labels first).
		var wordStarts = context.analyzer(WORD_STARTS_ANALYZER).custom().tokenizer(FrenchWordAnalysis.TOKENIZER);
		for (String filter : FrenchWordAnalysis.TOKEN_FILTERS) {
			wordStarts.tokenFilter(filter);
		}
		wordStarts.tokenFilter(EdgeNGramFilterFactory.NAME)
				.param("minGramSize", "1")
				.param("maxGramSize", Integer.toString(MAX_WORD_START_LENGTH))
				.param("preserveOriginal", "true");

		context.analyzer("autocompletePhoneticAnalyzer")
				.custom()
				.tokenizer(StandardTokenizerFactory.NAME)
				.tokenFilter(ElisionFilterFactory.NAME)
				.tokenFilter(LowerCaseFilterFactory.NAME)
				.tokenFilter(ASCIIFoldingFilterFactory.NAME)
				.tokenFilter(StopFilterFactory.NAME)
				.tokenFilter(PhoneticFilterFactory.NAME)
				.param(PhoneticFilterFactory.ENCODER, "DoubleMetaphone");

		context.analyzer("normStringAnalyzer")
				.custom()
				.tokenizer(KeywordTokenizerFactory.NAME)
				.tokenFilter(LowerCaseFilterFactory.NAME)
				.tokenFilter(ASCIIFoldingFilterFactory.NAME);

		context.analyzer("exactAnalyzer").custom().tokenizer(KeywordTokenizerFactory.NAME);

		context.analyzer("conceptParentPidsAnalyzer").custom().tokenizer(WhitespaceTokenizerFactory.NAME);

		context.normalizer(LOWERCASE_ASCIIFOLDING_NORMALIZER)
				.custom()
				.tokenFilter(LowerCaseFilterFactory.NAME)
				.tokenFilter(ASCIIFoldingFilterFactory.NAME);
	}
}
