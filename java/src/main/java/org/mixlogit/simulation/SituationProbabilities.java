package org.mixlogit.simulation;

/**
 * A logit situation's probabilities over all draws from the exponentials of the other alternatives' utilities
 * relative to the chosen one: the chosen probability 1 / (1 + their sum) and the others' probabilities. Shared by
 * the portable dense situations ({@link PlainDenseSituation}) and {@link DrawLogitKernel}'s sparse and level
 * situations, so that all sum in the same order. Stateless.
 */
final class SituationProbabilities {
    private SituationProbabilities() {
    }

    /**
     * inverse = 1 / (1 + sum of the first m rows' exponentials, in order): the chosen probability, which multiplies
     * the product; health keeps the smallest (NaN when undefined).
     *
     * @param inverse <b>Modified</b>
     * @param product <b>Modified</b>
     * @param health <b>Modified</b>
     */
    static void chosenProbability(Chunks c, double[][] rows, int m, double[] ones, double[] inverse,
            double[] product, double[] health, int r) {
        double[] den = inverse;
        c.sumRows(rows, m, den, ones);
        if (m == 0) {
            System.arraycopy(ones, 0, den, 0, r);
        }
        for (int q = 0; q < r; q++) {
            double p = 1.0 / den[q];
            den[q] = p;
            product[q] *= p;
            health[q] = Math.min(health[q], p);
        }
    }

    /**
     * The first m rows (exponentials) times inverse: probabilities. One row per pass, so no branch depends on m's
     * parity (a pair loop's odd tail, first met after the kernel had compiled, made C2 throw away and recompile it
     * and the evaluation around it).
     *
     * @param rows <b>Modified</b>: their first m rows
     */
    static void probabilities(double[][] rows, int m, double[] inverse, int r) {
        for (int j = 0; j < m; j++) {
            double[] e = rows[j];
            for (int q = 0; q < r; q++) {
                e[q] *= inverse[q];
            }
        }
    }
}
