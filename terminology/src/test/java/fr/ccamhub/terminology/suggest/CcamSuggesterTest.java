package fr.ccamhub.terminology.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ccamhub.terminology.rules.PatientFacts;
import fr.ccamhub.terminology.rules.TestCcam;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline suggester on the real V81 release. */
class CcamSuggesterTest {

	private static final CcamSuggester SUGGESTER = CcamSuggester.standard(TestCcam.ENGINE);

	private static SuggestionResult suggest(String text) {
		return SUGGESTER.suggest(SuggestionRequest.of(text));
	}

	@Test
	void abbreviationsAndApproachLeadToTheRightCode() {
		assertThat(suggest("cholécystectomie sous coelio pour lithiase").best().orElseThrow().code()).isEqualTo("HMFC004");
		assertThat(suggest("cholécystectomie par laparotomie").best().orElseThrow().code()).isEqualTo("HMFA007");
		assertThat(suggest("ECG 12 dérivations").best().orElseThrow().code()).isEqualTo("DEQP003");
	}

	@Test
	void everySuggestionIsACodeOfTheReleaseWithAtMostThreeAndAnExplanationOfTwoSentences() {
		for (String note : List.of("écho abdo", "FOGD avec biopsies", "plaie du doigt suturée", "xyz qwerty", "IRM genou G")) {
			SuggestionResult result = suggest(note);
			assertThat(result.suggestions()).hasSizeLessThanOrEqualTo(3);
			for (Suggestion suggestion : result.suggestions()) {
				assertThat(TestCcam.V81.act(suggestion.code())).as(note).isPresent();
				assertThat(suggestion.confidence()).isBetween(0, 100);
				assertThat(suggestion.explanation().split("(?<=[.?!])\\s+(?=[A-ZÀ-Ý])")).as(suggestion.explanation()).hasSize(2);
			}
		}
	}

	@Test
	void aCodeRestrictedToTheOtherSexIsNeverSuggested() {
		PatientFacts man = new PatientFacts(PatientFacts.Sex.MALE, LocalDate.of(1970, 1, 1), false);
		SuggestionResult result = SUGGESTER.suggest(new SuggestionRequest("hystérectomie totale par coelioscopie", man,
				LocalDate.of(2026, 3, 2), List.of()));
		assertThat(result.suggestions()).noneMatch(s -> s.code().startsWith("JKF"));
	}

	@Test
	void anAmbiguousApproachGetsOneQuestion() {
		SuggestionResult result = suggest("appendicectomie");
		assertThat(result.clarificationQuestion()).hasValueSatisfying(q -> assertThat(q).contains("cœlioscopie").endsWith("?"));
		assertThat(suggest("appendicectomie sous coelioscopie").best().orElseThrow().code()).isEqualTo("HHFA016");
	}

	@Test
	void contextBringsTheModifiersTheActAllows() {
		Suggestion night = suggest("appendicectomie sous coelio en urgence à 23h30").best().orElseThrow();
		assertThat(night.modifiers()).containsExactly("U");
		Suggestion afterMidnight = suggest("appendicectomie sous coelio à 2h du matin").best().orElseThrow();
		assertThat(afterMidnight.modifiers()).containsExactly("S");
		Suggestion sunday = suggest("appendicectomie sous coelio en urgence un dimanche").best().orElseThrow();
		assertThat(sunday.modifiers()).containsExactly("F");
		Suggestion scheduled = suggest("appendicectomie sous coelio programmée").best().orElseThrow();
		assertThat(scheduled.modifiers()).isEmpty();
	}

	@Test
	void warningsComeFromTheRuleEngineForTheEncounter() {
		SuggestionResult alone = suggest("ECG 12 dérivations");
		SuggestionResult withOthers = SUGGESTER.suggest(new SuggestionRequest("ECG 12 dérivations", PatientFacts.UNKNOWN,
				LocalDate.of(2026, 3, 2), TestCcam.acts("YYYY015")));
		assertThat(alone.best().orElseThrow().warnings()).isEmpty();
		assertThat(withOthers.best().orElseThrow().warnings()).isNotEmpty();
	}

	@Test
	void aCoderCorrectionIsSuggestedForTheSameKindOfNote() {
		CcamSuggester suggester = CcamSuggester.standard(TestCcam.ENGINE);
		assertThat(suggester.suggest(SuggestionRequest.of("cure de Shouldice droite")).best().orElseThrow().code())
				.isNotEqualTo("LMMA017");

		suggester.learn("cure de Shouldice droite", "LMMA017");

		Suggestion next = suggester.suggest(SuggestionRequest.of("Shouldice gauche")).best().orElseThrow();
		assertThat(next.code()).isEqualTo("LMMA017");
		assertThat(next.explanation()).contains("codeur");
	}
}
