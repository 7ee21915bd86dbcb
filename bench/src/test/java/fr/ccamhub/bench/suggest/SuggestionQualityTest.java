package fr.ccamhub.bench.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ccamhub.terminology.ccam.CcamReleaseReader;
import fr.ccamhub.terminology.rules.CcamRuleBookReader;
import fr.ccamhub.terminology.rules.CcamRuleEngine;
import fr.ccamhub.terminology.suggest.CcamSuggester;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards the offline suggester's measured quality on the development set, so that a change that
 * makes it worse fails the build. The floors are the levels reached (see bench/README.md), below
 * the targets (top-1 80 %, top-3 95 %), which this engine does not reach yet.
 */
class SuggestionQualityTest {

	private static SuggestionEvaluator.Report dev;
	private static List<EvaluationCase> devCases;
	private static List<EvaluationCase> calibrationCases;
	private static List<EvaluationCase> blindCases;

	@BeforeAll
	static void evaluate() {
		CcamRuleEngine engine = CcamRuleEngine.standard(new CcamRuleBookReader().read(new CcamReleaseReader().read("ccam/V81")));
		devCases = EvaluationCase.load(EvaluationCase.DEV_SET);
		calibrationCases = EvaluationCase.load(EvaluationCase.CALIBRATION_SET);
		blindCases = EvaluationCase.load(EvaluationCase.BLIND_SET);
		dev = new SuggestionEvaluator(CcamSuggester.standard(engine)).evaluate(devCases);
	}

	@Test
	void theSetsAreLargeEnoughSpreadOverTheChaptersAndDisjoint() {
		assertThat(devCases).hasSizeGreaterThanOrEqualTo(200);
		assertThat(calibrationCases).hasSizeGreaterThanOrEqualTo(80);
		assertThat(blindCases).hasSizeGreaterThanOrEqualTo(100);
		Set<String> devTexts = new HashSet<>(devCases.stream().map(EvaluationCase::text).toList());
		assertThat(calibrationCases).noneMatch(c -> devTexts.contains(c.text()));
		Set<String> calibrationTexts = new HashSet<>(calibrationCases.stream().map(EvaluationCase::text).toList());
		assertThat(blindCases).noneMatch(c -> devTexts.contains(c.text()) || calibrationTexts.contains(c.text()));
	}

	@Test
	void topOneAndTopThreeStayAtTheirMeasuredLevel() {
		assertThat(dev.top1()).as(dev.format("dev")).isGreaterThanOrEqualTo(0.70);
		assertThat(dev.top3()).as(dev.format("dev")).isGreaterThanOrEqualTo(0.88);
	}

	@Test
	void highConfidenceMeansRightAtLeastNinetyFivePercentOfTheTime() {
		long[] high = dev.atOrAbove(90);
		assertThat(high[0]).as("notes at confidence >= 90").isPositive();
		assertThat((double) high[1] / high[0]).as(dev.format("dev")).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void ambiguousNotesGetAQuestion() {
		assertThat(dev.questionRateOnAmbiguous()).as(dev.format("dev")).isGreaterThanOrEqualTo(0.8);
	}
}
