package fr.ccamhub.terminology.suggest;

/**
 * The weights of the re-ranking features, added to the lexical score (BM25 over the best hit, 0-1).
 * The defaults were chosen by coordinate search on the development set
 * ({@code SuggestionEvaluation --tune}); the blind set measures them. The memory weight, which
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
		double countConflict,
		double extentMatch,
		double extentConflict,
		double ageMatch,
		double ageConflict,
		double qualifierUnstated) {

	public static final RankingWeights DEFAULT = new RankingWeights(0.3375, 0.225, 0.15, -0.375, 0.3, -0.3, 0.0, -0.4, 0.0, 2.25, 3.0, 0.084375, 0.0, 0.6, -0.3, 0.0, -0.3, 0.05);

	/** The weights as an array, in the order of the record components (for tuning). */
	public double[] toArray() {
		return new double[] {labelCoverage, headMatch, approachMatch, approachConflict, sideMatch, sideConflict, qualifierMatch,
				qualifierConflict, unrequestedKind, broaderCoverage, memory, countMatch, countConflict, extentMatch, extentConflict, ageMatch, ageConflict, qualifierUnstated};
	}

	public static RankingWeights of(double[] w) {
		return new RankingWeights(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], w[9], w[10], w[11], w[12], w[13], w[14], w[15], w[16], w[17]);
	}
}
