package org.mixlogit.simulation;

/**
 * One draw of one decision-maker computed the plain way, for the draws where {@link DrawLogitKernel}'s fast path
 * is not trusted: one situation at a time, utilities shifted by their maximum, {@link Math#exp}, and the
 * logarithms of the chosen probabilities. Not thread-safe; owns its scratch.
 */
final class ExactDraw {
    private final RowStructure rows;
    private final int[] situationStart;
    private final int[] chosenRow;
    private final int[] decisionMakerStart;
    private final int k;
    private final double[] exactUtility;

    ExactDraw(ModelDesign design) {
        this.rows = design.rows;
        this.situationStart = design.data.situationStartRef();
        this.chosenRow = design.data.chosenRowRef();
        this.decisionMakerStart = design.data.decisionMakerStartRef();
        this.k = design.k;
        this.exactUtility = new double[Math.max(2, design.data.maxAlternatives())];
    }

    /**
     * Draw q of decision-maker n: its likelihood as a scaled value and count (see {@link DrawLogitKernel}), NaN
     * where a utility is undefined, and its score in beta.
     *
     * @param beta Not modified
     * @param scaled <b>Modified</b>: entry q
     * @param count <b>Modified</b>: entry q
     * @param betaScore <b>Modified</b> when non-null: entry q of every row
     */
    void recompute(int n, int q, double[][] beta, double[] scaled, int[] count, double[][] betaScore) {
        double ll = 0;
        if (betaScore != null) {
            for (int a = 0; a < k; a++) {
                betaScore[a][q] = 0;
            }
        }
        double[] util = exactUtility;
        for (int t = decisionMakerStart[n]; t < decisionMakerStart[n + 1]; t++) {
            int rowFirst = situationStart[t];
            int alternatives = situationStart[t + 1] - rowFirst;
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < alternatives; j++) {
                double v = 0;
                for (int e = rows.nonZeroStart[rowFirst + j]; e < rows.nonZeroStart[rowFirst + j + 1]; e++) {
                    v += rows.value[e] * beta[rows.attribute[e]][q];
                }
                util[j] = v;
                m = Math.max(m, v);
            }
            int c = chosenRow[t] - rowFirst;
            double chosenShifted = util[c] - m;
            double den = 0;
            for (int j = 0; j < alternatives; j++) {
                util[j] = Math.exp(util[j] - m);
                den += util[j];
            }
            ll += chosenShifted - Math.log(den);
            if (betaScore != null) {
                for (int e = rows.nonZeroStart[rowFirst + c]; e < rows.nonZeroStart[rowFirst + c + 1]; e++) {
                    betaScore[rows.attribute[e]][q] += rows.value[e];
                }
                for (int j = 0; j < alternatives; j++) {
                    double p = util[j] / den;
                    for (int e = rows.nonZeroStart[rowFirst + j]; e < rows.nonZeroStart[rowFirst + j + 1]; e++) {
                        betaScore[rows.attribute[e]][q] -= rows.value[e] * p;
                    }
                }
            }
        }
        if (ll > Double.NEGATIVE_INFINITY) {
            int c = (int) Math.max(0, Math.ceil(-ll / DrawLogitKernel.LOG_SCALE));
            scaled[q] = Math.exp(ll + c * DrawLogitKernel.LOG_SCALE);
            count[q] = c;
        } else {
            scaled[q] = Double.isNaN(ll) ? Double.NaN : 0.0;
            count[q] = 0;
        }
    }
}
