package fr.ccamhub.bench.suggest;

import fr.ccamhub.terminology.suggest.CcamSuggester;
import fr.ccamhub.terminology.suggest.ConfidenceCalibration;
import fr.ccamhub.terminology.suggest.Suggestion;
import fr.ccamhub.terminology.suggest.SuggestionRequest;
import fr.ccamhub.terminology.suggest.SuggestionResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/** Runs a suggester over an evaluation set and measures accuracy, calibration, questions and latency. */
public final class SuggestionEvaluator {

	/** Confidence bands of the calibration table. */
	static final int[] BANDS = {0, 50, 70, 80, 90, 101};
	private static final LocalDate DATE = LocalDate.of(2026, 3, 3);

	private final CcamSuggester suggester;

	public SuggestionEvaluator(CcamSuggester suggester) {
		this.suggester = suggester;
	}

	public Report evaluate(List<EvaluationCase> cases) {
		List<Outcome> outcomes = new ArrayList<>();
		for (EvaluationCase c : cases) {
			long start = System.nanoTime();
			SuggestionResult result = suggester.suggest(new SuggestionRequest(c.text(), null, DATE, List.of()));
			long nanos = System.nanoTime() - start;
			outcomes.add(new Outcome(c, result, nanos));
		}
		return new Report(outcomes);
	}

	public record Outcome(EvaluationCase evaluationCase, SuggestionResult result, long nanos) {

		public int rank() {
			List<Suggestion> suggestions = result.suggestions();
			for (int i = 0; i < suggestions.size(); i++) {
				if (evaluationCase.accepts(suggestions.get(i).code())) {
					return i + 1;
				}
			}
			return 0;
		}

		public boolean top1() {
			return rank() == 1;
		}

		public int confidence() {
			return result.best().map(Suggestion::confidence).orElse(0);
		}

		public boolean modifiersRight() {
			return result.best().map(s -> new HashSet<>(s.modifiers()).equals(evaluationCase.modifiers())).orElse(false);
		}
	}

	public record Report(List<Outcome> outcomes) {

		public List<Outcome> clear() {
			return outcomes.stream().filter(o -> !o.evaluationCase().ambiguous()).toList();
		}

		public double top1() {
			return share(clear().stream().filter(Outcome::top1).count(), clear().size());
		}

		public double top3() {
			return share(clear().stream().filter(o -> o.rank() > 0).count(), clear().size());
		}

		/** Among clear notes whose best suggestion has confidence >= threshold: how many, how many right. */
		public long[] atOrAbove(int threshold) {
			List<Outcome> band = clear().stream().filter(o -> o.confidence() >= threshold).toList();
			return new long[] {band.size(), band.stream().filter(Outcome::top1).count()};
		}

		public double questionRateOnAmbiguous() {
			List<Outcome> ambiguous = outcomes.stream().filter(o -> o.evaluationCase().ambiguous()).toList();
			return share(ambiguous.stream().filter(o -> o.result().question() != null).count(), ambiguous.size());
		}

		public double questionRateOnClear() {
			return share(clear().stream().filter(o -> o.result().question() != null).count(), clear().size());
		}

		public double modifierAccuracy() {
			List<Outcome> withModifiers = clear().stream().filter(o -> !o.evaluationCase().modifiers().isEmpty()).toList();
			return share(withModifiers.stream().filter(o -> o.top1() && o.modifiersRight()).count(), withModifiers.size());
		}

		public long modifierCases() {
			return clear().stream().filter(o -> !o.evaluationCase().modifiers().isEmpty()).count();
		}

		public double latencyMillis(double percentile) {
			long[] nanos = outcomes.stream().mapToLong(Outcome::nanos).sorted().toArray();
			int index = (int) Math.ceil(percentile / 100.0 * nanos.length) - 1;
			return nanos[Math.max(0, Math.min(nanos.length - 1, index))] / 1e6;
		}

		public List<ConfidenceCalibration.Observation> observations() {
			return clear().stream()
					.map(o -> new ConfidenceCalibration.Observation(o.result().rawCertainty(), o.top1()))
					.toList();
		}

		public String format(String title) {
			StringBuilder text = new StringBuilder();
			List<Outcome> clear = clear();
			text.append(String.format(Locale.ROOT, "%s: %d notes (%d clear, %d ambiguous)%n", title, outcomes.size(), clear.size(),
					outcomes.size() - clear.size()));
			text.append(String.format(Locale.ROOT, "  top-1 %.1f %%   top-3 %.1f %%%n", 100 * top1(), 100 * top3()));
			text.append(String.format(Locale.ROOT, "  latency p50 %.2f ms   p95 %.2f ms   max %.2f ms%n", latencyMillis(50),
					latencyMillis(95), latencyMillis(100)));
			text.append(String.format(Locale.ROOT, "  question asked: %.0f %% of ambiguous notes, %.0f %% of clear notes%n",
					100 * questionRateOnAmbiguous(), 100 * questionRateOnClear()));
			text.append(String.format(Locale.ROOT, "  modifiers exactly right (top-1 right too): %.0f %% of %d notes with modifiers%n",
					100 * modifierAccuracy(), modifierCases()));
			text.append("  calibration (clear notes, best suggestion):\n");
			text.append("    confidence   notes   top-1 right\n");
			for (int i = 0; i < BANDS.length - 1; i++) {
				int from = BANDS[i];
				int to = BANDS[i + 1];
				List<Outcome> band = clear.stream().filter(o -> o.confidence() >= from && o.confidence() < to).toList();
				long right = band.stream().filter(Outcome::top1).count();
				text.append(String.format(Locale.ROOT, "    %3d-%-3d     %5d   %s%n", from, Math.min(to - 1, 100), band.size(),
						band.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f %%", 100.0 * right / band.size())));
			}
			long[] high = atOrAbove(90);
			text.append(String.format(Locale.ROOT, "    >= 90       %5d   %s%n", high[0],
					high[0] == 0 ? "-" : String.format(Locale.ROOT, "%.1f %%", 100.0 * high[1] / high[0])));
			return text.toString();
		}

		private static double share(long count, long total) {
			return total == 0 ? 0 : (double) count / total;
		}
	}

	static String misses(Report report, int limit) {
		StringBuilder text = new StringBuilder();
		int shown = 0;
		for (Outcome outcome : report.clear()) {
			if (!outcome.top1() && shown++ < limit) {
				text.append(String.format(Locale.ROOT, "  MISS %-7s rank %d conf %3d | %s | got %s%n", outcome.evaluationCase().gold(),
						outcome.rank(), outcome.confidence(), outcome.evaluationCase().text(),
						Arrays.toString(outcome.result().suggestions().stream().map(Suggestion::code).toArray())));
			}
		}
		return text.toString();
	}
}
