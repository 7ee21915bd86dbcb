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
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the offline CCAM suggester on three sets of notes: top-1, top-3, calibration,
 * questions, modifiers, latency.
 * <ul>
 * <li>development: the vocabulary and the weights are tuned on its misses;</li>
 * <li>calibration: the confidence table is fitted on it together with the development set;</li>
 * <li>blind: written by someone who never saw the engine, its vocabulary or the other sets; only
 * measured, its misses are never listed.</li>
 * </ul>
 * With {@code --fit-calibration FILE} it fits the confidence table and writes it to FILE (the
 * shipped terminology/src/main/resources/suggest/calibration.csv). {@code --misses N} lists N misses
 * of the development set; {@code --tune} searches the ranking weights on the development set first
 * (coordinate search) and prints them.
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
		List<EvaluationCase> calibrationCases = EvaluationCase.load(EvaluationCase.CALIBRATION_SET);
		List<EvaluationCase> blind = EvaluationCase.load(EvaluationCase.BLIND_SET);
		evaluator.evaluate(dev);
		SuggestionEvaluator.Report devReport = evaluator.evaluate(dev);
		SuggestionEvaluator.Report calibrationReport = evaluator.evaluate(calibrationCases);
		SuggestionEvaluator.Report blindReport = evaluator.evaluate(blind);
		if (calibrationOut != null) {
			List<ConfidenceCalibration.Observation> observations = new ArrayList<>(devReport.observations());
			observations.addAll(calibrationReport.observations());
			ConfidenceCalibration fitted = ConfidenceCalibration.fit(observations);
			Files.writeString(calibrationOut, fitted.toCsv("""
					Confidence calibration of the offline CCAM suggester, fitted by
					java -cp bench/target/benchmarks.jar fr.ccamhub.bench.suggest.SuggestionEvaluation --fit-calibration <this file>
					on the clear notes of bench/src/main/resources/suggest/dev-set.tsv and calibration-set.tsv.
					Rebuild terminology and rerun to see its effect."""),
					StandardCharsets.UTF_8);
			System.out.println("calibration written to " + calibrationOut);
		}
		System.out.print(devReport.format("development set"));
		System.out.print(SuggestionEvaluator.misses(devReport, misses));
		System.out.print(calibrationReport.format("calibration set"));
		System.out.print(blindReport.format("blind set"));
	}
}
