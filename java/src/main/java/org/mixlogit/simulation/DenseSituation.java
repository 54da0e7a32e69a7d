package org.mixlogit.simulation;

/**
 * One dense situation of {@link DrawLogitKernel} over all draws, from the differences d_j = x_j - x_c of the m
 * alternatives other than the chosen c: their utilities d_j'beta, exponentials ({@link
 * org.mixlogit.math.ArrayExp#expWide}), the chosen probability {@code 1 / (1 + sum_j exp(d_j'beta))}, the other
 * probabilities and the score {@code -sum_j P_j d_j}. Implementations give the same bits: every sum is taken in the
 * same order (utilities over the attributes in order, the denominator over the alternatives in order starting
 * from 1, each score over the alternatives in order), with the same roundings (no fused multiply-add outside the
 * exponential's own). (Where a utility is outside [-{@link org.mixlogit.math.ArrayExp#WIDE}, WIDE] the numbers are
 * meaningless and may differ between implementations, e.g. on Java 24 and later, where {@code ArrayExp} scales by a
 * multiplication; the caller recomputes those draws.) {@link DenseSituations} chooses one. Not thread-safe (one per
 * worker).
 */
interface DenseSituation {
    /**
     * @param difference Not modified: d_j for the m other alternatives, m x k, alternatives in order
     * @param m how many alternatives other than the chosen one (0 or more)
     * @param k how many coefficients
     * @param beta Not modified: {@code beta[a][q]}, finite or not (a draw whose utilities are not all within
     *     [-{@link org.mixlogit.math.ArrayExp#WIDE}, WIDE] gets meaningless numbers, which the caller recomputes)
     * @param rows <b>Modified</b>: their first m rows (over the draws) become the other alternatives' probabilities
     *     (with the score) or exponentials (without)
     * @param inverse <b>Modified</b>: the chosen probability per draw
     * @param product <b>Modified</b>: multiplied by the chosen probability
     * @param health <b>Modified</b>: the smaller of itself and the chosen probability (NaN when undefined)
     * @param betaScore <b>Modified</b> when non-null: {@code betaScore[a][q] -= sum_j d_ja P_j}, j in order
     */
    void evaluate(double[] difference, int m, int k, double[][] beta, double[][] rows, double[] inverse,
            double[] product, double[] health, double[][] betaScore);

    /** How many arrays of one double per draw this implementation holds (for memory plans: {@link NodePlan}). */
    int scratchRows();
}
