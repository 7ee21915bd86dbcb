package fr.ccamhub.bench.suggest;

import fr.ccamhub.terminology.suggest.CcamSuggester;
import fr.ccamhub.terminology.suggest.ConfidenceCalibration;
import fr.ccamhub.terminology.suggest.RankingWeights;
import java.util.List;
import java.util.Locale;

/**
 * Coordinate search of the ranking weights on the development set: each weight in turn is scaled
 * up and down and kept where top-1 (then top-3) improves, for a few rounds. Only the development
 * set is used; the calibration and blind sets stay for calibrating and measuring.
 */
final class WeightTuning {

	private static final double[] FACTORS = {0, 0.5, 0.75, 1.5, 2};

	private WeightTuning() {
	}

	static RankingWeights tune(CcamSuggester suggester, List<EvaluationCase> dev) {
		double[] best = RankingWeights.DEFAULT.toArray();
		double bestScore = score(suggester, best, dev);
		for (int round = 0; round < 3; round++) {
			boolean improved = false;
			for (int i = 0; i < best.length; i++) {
				for (double factor : FACTORS) {
					double[] candidate = best.clone();
					candidate[i] = best[i] == 0 ? (factor == 0 ? 0 : 0.2 * factor) : best[i] * factor;
					double score = score(suggester, candidate, dev);
					if (score > bestScore + 1e-9) {
						bestScore = score;
						best = candidate;
						improved = true;
						System.out.printf(Locale.ROOT, "  round %d weight %d -> %.3f : %.4f%n", round, i, candidate[i], score);
					}
				}
			}
			if (!improved) {
				break;
			}
		}
		return RankingWeights.of(best);
	}

	private static double score(CcamSuggester suggester, double[] weights, List<EvaluationCase> dev) {
		SuggestionEvaluator.Report report = new SuggestionEvaluator(
				suggester.with(RankingWeights.of(weights), ConfidenceCalibration.load())).evaluate(dev);
		return report.top1() + 0.25 * report.top3();
	}
}
