package fr.ccamhub.terminology.suggest;

import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * French analysis for clinical text and CCAM labels: elision (l', d'), lower case, French stop
 * words, accent folding (cœlioscopie = coelioscopie) and light stemming (fractures = fracture).
 */
public final class FrenchClinicalAnalyzer extends Analyzer {

	/** Words of CCAM labels that carry no clinical meaning on their own. */
	private static final CharArraySet STOP_WORDS = stopWords();

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		StandardTokenizer tokenizer = new StandardTokenizer();
		TokenStream stream = new ElisionFilter(tokenizer, FrenchAnalyzer.DEFAULT_ARTICLES);
		stream = new LowerCaseFilter(stream);
		stream = new ASCIIFoldingFilter(stream);
		stream = new StopFilter(stream, STOP_WORDS);
		stream = new FrenchLightStemFilter(stream);
		return new TokenStreamComponents(tokenizer, stream);
	}

	@Override
	protected TokenStream normalize(String fieldName, TokenStream in) {
		return new ASCIIFoldingFilter(new LowerCaseFilter(in));
	}

	private static CharArraySet stopWords() {
		CharArraySet words = new CharArraySet(256, true);
		for (Object word : FrenchAnalyzer.getDefaultStopSet()) {
			words.add(TextNormalizer.fold(new String((char[]) word)));
		}
		words.addAll(Arrays.asList("ou", "par", "pour", "sur", "chez", "avec", "sans", "lors", "cours", "acte"));
		return words;
	}
}
