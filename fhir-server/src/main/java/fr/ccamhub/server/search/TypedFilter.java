package fr.ccamhub.server.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * A search-box filter as a person types it, turned into index terms: every word must appear in the
 * label, in any order, except French function words ({@code de}, {@code la}, {@code par}…), which
 * only rank; the word still being typed (the last one, when the text does not end with a space or
 * punctuation) matches as a prefix. A filter of one token is also tried as the start of a code.
 *
 * @param requiredWords complete words every match contains
 * @param optionalWords function words that raise the rank of labels holding them
 * @param prefix the word being typed, or {@code null}
 * @param prefixRequired whether matches must contain a word starting with {@link #prefix}
 * @param codePrefix the filter as typed when it could be (the start of) a code, or {@code null}
 * @param typedWords every word in the order typed, the one being typed included, for phrase ranking
 */
public record TypedFilter(
		List<String> requiredWords,
		List<String> optionalWords,
		String prefix,
		boolean prefixRequired,
		String codePrefix,
		List<String> typedWords) {

	private static final Pattern CODE_LIKE = Pattern.compile("[\\p{Alnum}.\\-_:]+");

	public TypedFilter {
		requiredWords = List.copyOf(requiredWords);
		optionalWords = List.copyOf(optionalWords);
		typedWords = List.copyOf(typedWords);
	}

	/** French stop words, folded as the index folds them (à → a). */
	public static CharArraySet frenchFunctionWords(Analyzer analyzer) {
		CharArraySet words = new CharArraySet(256, false);
		for (Object word : FrenchAnalyzer.getDefaultStopSet()) {
			words.addAll(terms(analyzer, new String((char[]) word)).stream().map(Term::text).toList());
		}
		return words;
	}

	/** Parses {@code text} with the analyzer the index uses; function words are those of {@code functionWords}. */
	public static TypedFilter parse(String text, Analyzer analyzer, CharArraySet functionWords) {
		String typed = text == null ? "" : text;
		List<Term> terms = terms(analyzer, typed);
		List<String> typedWords = terms.stream().map(Term::text).toList();
		Term typing = !terms.isEmpty() && terms.get(terms.size() - 1).endOffset() == typed.length()
				? terms.remove(terms.size() - 1)
				: null;
		List<String> required = new ArrayList<>();
		List<String> optional = new ArrayList<>();
		for (Term term : terms) {
			(functionWords.contains(term.text()) ? optional : required).add(term.text());
		}
		boolean prefixRequired = typing != null && !functionWords.contains(typing.text());
		if (required.isEmpty() && !prefixRequired) {
			// Nothing but function words: they are all the person asked for.
			required.addAll(optional);
			optional.clear();
			prefixRequired = typing != null;
		}
		String trimmed = typed.strip();
		String codePrefix = CODE_LIKE.matcher(trimmed).matches() ? trimmed : null;
		return new TypedFilter(required, optional, typing == null ? null : typing.text(), prefixRequired, codePrefix, typedWords);
	}

	/** Whether nothing was typed that could match a label or a code. */
	public boolean isEmpty() {
		return requiredWords.isEmpty() && optionalWords.isEmpty() && prefix == null && codePrefix == null;
	}

	private record Term(String text, int endOffset) {}

	private static List<Term> terms(Analyzer analyzer, String text) {
		List<Term> terms = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(new Term(term.toString(), offset.endOffset()));
			}
			stream.end();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return terms;
	}
}
