package fr.ccamhub.bench.suggest;

import fr.ccamhub.terminology.ccam.CcamReleaseReader;
import fr.ccamhub.terminology.rules.CcamRuleBookReader;
import fr.ccamhub.terminology.rules.CcamRuleEngine;
import fr.ccamhub.terminology.suggest.CcamSuggester;
import fr.ccamhub.terminology.suggest.ConfidenceCalibration;
import fr.ccamhub.terminology.suggest.RankingWeights;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Evaluates the offline CCAM suggester on the development and held-out sets: top-1, top-3,
 * calibration, questions, modifiers, latency. With {@code --fit-calibration FILE} it also fits the
 * confidence table on the development set and writes it to FILE (the shipped
 * terminology/src/main/resources/suggest/calibration.csv). {@code --misses N} lists N misses; {@code --tune}
 * searches the ranking weights on the development set first (coordinate search) and prints them.
 */
public final class SuggestionEvaluation {

	private SuggestionEvaluation() {
	}

	public static void main(String[] args) throws IOException {
		Path calibrationOut = null;
		int misses = 0;
		boolean tune = false;
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--fit-calibration")) {
				calibrationOut = Path.of(args[++i]);
			} else if (args[i].equals("--tune")) {
				tune = true;
			} else if (args[i].equals("--misses")) {
				misses = Integer.parseInt(args[++i]);
			}
		}
		long start = System.nanoTime();
		CcamRuleEngine engine = CcamRuleEngine.standard(new CcamRuleBookReader().read(new CcamReleaseReader().read("ccam/V81")));
		CcamSuggester suggester = CcamSuggester.standard(engine);
		System.out.printf("engine %s ready in %d ms%n", CcamSuggester.engineVersion(), (System.nanoTime() - start) / 1_000_000);
		List<EvaluationCase> dev = EvaluationCase.load(EvaluationCase.DEV_SET);
		if (tune) {
			RankingWeights tuned = WeightTuning.tune(suggester, dev);
			System.out.println("tuned weights: " + tuned);
			suggester = suggester.with(tuned, ConfidenceCalibration.load());
		}
		SuggestionEvaluator evaluator = new SuggestionEvaluator(suggester);
		List<EvaluationCase> heldOut = EvaluationCase.load(EvaluationCase.HELD_OUT_SET);
		evaluator.evaluate(dev);
		evaluator.evaluate(heldOut);
		SuggestionEvaluator.Report devReport = evaluator.evaluate(dev);
		SuggestionEvaluator.Report heldOutReport = evaluator.evaluate(heldOut);
		if (calibrationOut != null) {
			ConfidenceCalibration fitted = ConfidenceCalibration.fit(devReport.observations());
			Files.writeString(calibrationOut, fitted.toCsv("""
					Confidence calibration of the offline CCAM suggester, fitted by
					java -cp bench/target/benchmarks.jar fr.ccamhub.bench.suggest.SuggestionEvaluation --fit-calibration <this file>
					on bench/src/main/resources/suggest/dev-set.tsv (clear notes). Rebuild terminology and rerun to see its effect."""),
					StandardCharsets.UTF_8);
			System.out.println("calibration written to " + calibrationOut);
		}
		System.out.print(devReport.format("development set"));
		System.out.print(SuggestionEvaluator.misses(devReport, misses));
		System.out.print(heldOutReport.format("held-out set"));
		System.out.print(SuggestionEvaluator.misses(heldOutReport, misses));
	}
}
