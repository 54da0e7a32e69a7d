package org.mixlogit.simulation;

/** One draw's logit probabilities in one situation, utilities shifted by their maximum. */
final class LogitProbabilities {
    private LogitProbabilities() {
    }

    /**
     * @param beta Not modified: coefficients by coefficient and draw ({@code beta[k][q]})
     * @param out <b>Modified</b>: the probabilities of rows first..end-1 at out[0..end-first)
     */
    static void of(RowStructure rows, double[][] beta, int q, int first, int end, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = first; i < end; i++) {
            double u = utility(rows, beta, q, i);
            out[i - first] = u;
            max = Math.max(max, u);
        }
        double den = 0;
        for (int j = 0; j < end - first; j++) {
            out[j] = Math.exp(out[j] - max);
            den += out[j];
        }
        for (int j = 0; j < end - first; j++) {
            out[j] /= den;
        }
    }

    /**
     * The utility of row i at draw q.
     *
     * @param beta Not modified: coefficients by coefficient and draw ({@code beta[k][q]})
     */
    static double utility(RowStructure rows, double[][] beta, int q, int i) {
        double u = 0;
        for (int e = rows.nonZeroStart[i]; e < rows.nonZeroStart[i + 1]; e++) {
            u += rows.value[e] * beta[rows.attribute[e]][q];
        }
        return u;
    }
}
