package fr.ccamhub.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.junit.jupiter.api.Test;

class TypedFilterTest {

	private static final Analyzer ANALYZER = FrenchWordAnalysis.analyzer();
	private static final CharArraySet FUNCTION_WORDS = TypedFilter.frenchFunctionWords(ANALYZER);

	private static TypedFilter parse(String text) {
		return TypedFilter.parse(text, ANALYZER, FUNCTION_WORDS);
	}

	@Test
	void theLastWordBeingTypedIsAPrefix() {
		TypedFilter filter = parse("echographie abdo");
		assertThat(filter.requiredWords()).containsExactly("echographie");
		assertThat(filter.prefix()).isEqualTo("abdo");
		assertThat(filter.prefixRequired()).isTrue();
	}

	@Test
	void aTrailingSpaceOrPunctuationCompletesTheLastWord() {
		assertThat(parse("echographie abdomen ").prefix()).isNull();
		assertThat(parse("echographie abdomen ").requiredWords()).containsExactly("echographie", "abdomen");
		assertThat(parse("appendicectomie,").prefix()).isNull();
	}

	@Test
	void foldsCaseAccentsAndLigaturesLikeTheIndex() {
		TypedFilter filter = parse("ÉCHOGRAPHIE Cœlioscopie ");
		assertThat(filter.requiredWords()).containsExactly("echographie", "coelioscopie");
	}

	@Test
	void dropsElidedArticlesWithStraightOrCurlyApostrophes() {
		assertThat(parse("l'abdomen ").requiredWords()).containsExactly("abdomen");
		assertThat(parse("fracture d’une côte ").requiredWords()).containsExactly("fracture", "cote");
		assertThat(parse("fracture d’une côte ").optionalWords()).containsExactly("une");
		assertThat(parse("l'abd").prefix()).isEqualTo("abd");
	}

	@Test
	void functionWordsOnlyRank() {
		TypedFilter filter = parse("echographie de l abdomen ");
		assertThat(filter.requiredWords()).containsExactly("echographie", "abdomen");
		assertThat(filter.optionalWords()).containsExactly("de", "l");
		assertThat(filter.typedWords()).containsExactly("echographie", "de", "l", "abdomen");
	}

	@Test
	void aFunctionWordBeingTypedDoesNotExcludeLabels() {
		TypedFilter filter = parse("echographie de l");
		assertThat(filter.prefix()).isEqualTo("l");
		assertThat(filter.prefixRequired()).isFalse();
	}

	@Test
	void aFilterOfFunctionWordsAloneRequiresThem() {
		TypedFilter filter = parse("par la");
		assertThat(filter.requiredWords()).containsExactly("par");
		assertThat(filter.prefix()).isEqualTo("la");
		assertThat(filter.prefixRequired()).isTrue();
	}

	@Test
	void oneTokenIsAlsoTriedAsTheStartOfACode() {
		assertThat(parse("HHFA0").codePrefix()).isEqualTo("HHFA0");
		assertThat(parse(" 07.03 ").codePrefix()).isEqualTo("07.03");
		assertThat(parse("echographie abdo").codePrefix()).isNull();
	}

	@Test
	void blankTextIsEmpty() {
		assertThat(parse("  ").isEmpty()).isTrue();
		assertThat(parse("' ,").isEmpty()).isTrue();
	}
}
