package fr.ccamhub.terminology.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Runs text through the French clinical analysis and returns the stems, in order. */
public final class Stems {

	private final Analyzer analyzer;

	public Stems(Analyzer analyzer) {
		this.analyzer = analyzer;
	}

	public List<String> list(String text) {
		List<String> stems = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("text", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				stems.add(term.toString());
			}
			stream.end();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return stems;
	}

	public Set<String> set(String text) {
		return new LinkedHashSet<>(list(text));
	}
}
