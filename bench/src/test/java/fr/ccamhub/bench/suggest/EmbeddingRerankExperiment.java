package fr.ccamhub.bench.suggest;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import fr.ccamhub.terminology.ccam.CcamReleaseReader;
import fr.ccamhub.terminology.rules.CcamRuleBookReader;
import fr.ccamhub.terminology.rules.CcamRuleEngine;
import fr.ccamhub.terminology.suggest.CcamSuggester;
import fr.ccamhub.terminology.suggest.Suggestion;
import fr.ccamhub.terminology.suggest.SuggestionRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Does LangChain4j's in-process embedding model (all-MiniLM-L6-v2, English) help rank French notes?
 * Re-ranks the offline engine's 8 candidates by cosine(note, label) + lambda x (offline rank prior)
 * and reports top-1 on the development set for several lambdas (lambda = infinity is the offline
 * order). Run from the repository root:
 *   mvn -q -pl bench test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 *   java -cp bench/target/test-classes:bench/target/classes:$(cat /tmp/cp.txt) fr.ccamhub.bench.suggest.EmbeddingRerankExperiment
 */
public final class EmbeddingRerankExperiment {

	private EmbeddingRerankExperiment() {
	}

	public static void main(String[] args) {
		CcamRuleEngine engine = CcamRuleEngine.standard(new CcamRuleBookReader().read(new CcamReleaseReader().read("ccam/V81")));
		CcamSuggester suggester = CcamSuggester.standard(engine);
		EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
		List<EvaluationCase> cases = EvaluationCase.load(EvaluationCase.DEV_SET).stream().filter(c -> !c.ambiguous()).toList();
		Map<String, float[]> labels = new HashMap<>();
		double[] lambdas = {0, 0.05, 0.1, 0.2, 0.5, Double.POSITIVE_INFINITY};
		int[] right = new int[lambdas.length];
		int inCandidates = 0;
		long embedNanos = 0;
		for (EvaluationCase c : cases) {
			List<Suggestion> candidates = suggester.suggest(SuggestionRequest.of(c.text()), 8).suggestions();
			if (candidates.stream().anyMatch(s -> c.accepts(s.code()))) {
				inCandidates++;
			}
			long start = System.nanoTime();
			float[] note = model.embed(c.text()).content().vector();
			embedNanos += System.nanoTime() - start;
			for (int l = 0; l < lambdas.length; l++) {
				String best = null;
				double bestScore = Double.NEGATIVE_INFINITY;
				for (int rank = 0; rank < candidates.size(); rank++) {
					Suggestion s = candidates.get(rank);
					float[] label = labels.computeIfAbsent(s.code(), k -> model.embed(s.display()).content().vector());
					double prior = 1.0 - rank / 8.0;
					double score = Double.isInfinite(lambdas[l]) ? prior : cosine(note, label) + lambdas[l] * prior;
					if (score > bestScore) {
						bestScore = score;
						best = s.code();
					}
				}
				if (best != null && c.accepts(best)) {
					right[l]++;
				}
			}
		}
		System.out.printf(Locale.ROOT, "%d clear notes; gold among the 8 offline candidates: %.1f %%; embedding %.1f ms/note%n",
				cases.size(), 100.0 * inCandidates / cases.size(), embedNanos / 1e6 / cases.size());
		for (int l = 0; l < lambdas.length; l++) {
			System.out.printf(Locale.ROOT, "  lambda %-8s top-1 %.1f %%%n", Double.isInfinite(lambdas[l]) ? "offline" : lambdas[l],
					100.0 * right[l] / cases.size());
		}
	}

	private static double cosine(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return dot / Math.sqrt(na * nb);
	}
}
