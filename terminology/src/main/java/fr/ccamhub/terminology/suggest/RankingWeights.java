package fr.ccamhub.terminology.suggest;

/**
 * The weights of the re-ranking features, added to the lexical score (BM25 over the best hit, 0-1).
 * The defaults were chosen by coordinate search on the development set
 * ({@code SuggestionEvaluation --tune}); the held-out set measures them. The memory weight, which
 * the development set cannot tune (it holds no coder decision), is set so that a validated phrase
 * half as close as the note (Jaccard 0.5) outweighs any lexical match.
 */
public record RankingWeights(
		double labelCoverage,
		double headMatch,
		double approachMatch,
		double approachConflict,
		double sideMatch,
		double sideConflict,
		double qualifierMatch,
		double qualifierConflict,
		double unrequestedKind,
		double broaderCoverage,
		double memory,
		double countMatch,
		double countConflict) {

	public static final RankingWeights DEFAULT = new RankingWeights(0.45, 0.15, 0.4, -0.25, 0.15, -0.3, 0.0, -0.4, -0.1, 1.5, 3.0, 0.15, -0.1);

	/** The weights as an array, in the order of the record components (for tuning). */
	public double[] toArray() {
		return new double[] {labelCoverage, headMatch, approachMatch, approachConflict, sideMatch, sideConflict, qualifierMatch,
				qualifierConflict, unrequestedKind, broaderCoverage, memory, countMatch, countConflict};
	}

	public static RankingWeights of(double[] w) {
		return new RankingWeights(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], w[9], w[10], w[11], w[12]);
	}
}
