package fr.ccamhub.server.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.util.ElisionFilterFactory;

/**
 * How the words of French labels are indexed: standard tokenizer, then elided articles dropped
 * ({@code l'abdomen} = {@code abdomen}), lower case and accents folded ({@code cœlioscopie} =
 * {@code coelioscopie}). The index and the parsing of what people type share this one chain, so a
 * typed word always becomes the term the index holds.
 */
public final class FrenchWordAnalysis {

	static final String TOKENIZER = StandardTokenizerFactory.NAME;

	/** Applied in this order after the tokenizer. */
	static final List<String> TOKEN_FILTERS =
			List.of(ElisionFilterFactory.NAME, LowerCaseFilterFactory.NAME, ASCIIFoldingFilterFactory.NAME);

	private FrenchWordAnalysis() {}

	/** A Lucene analyzer running the same chain as the index, for text typed by people. */
	public static Analyzer analyzer() {
		try {
			CustomAnalyzer.Builder builder = CustomAnalyzer.builder().withTokenizer(TOKENIZER);
			for (String filter : TOKEN_FILTERS) {
				builder.addTokenFilter(filter);
			}
			return builder.build();
		} catch (IOException e) {
			throw new UncheckedIOException("Lucene analysis factories missing from the classpath", e);
		}
	}
}
