package org.mixlogit.simulation;

/**
 * One worker's substitution patterns for a decision-maker's situations, integrated over the mixing distribution
 * (unconditional on the person's choices). For an attribute a, per draw with logit probabilities s_j and
 * coefficient beta_a: shares sum_r w_r s_j; derivatives d s_j / d x_k = sum_r w_r beta_a s_j (1{j=k} - s_k);
 * and the second-choice shares of a removal, sum_r w_r s_j s_k / (1 - s_j) (each person's logit redistributes
 * a removed alternative's probability in proportion; when s_j is above 1/2, 1 - s_j loses digits and rounds to 0 as
 * s_j nears one, so s_k / (1 - s_j) is then the logit share of k among the others, from their utilities). Owns
 * its scratch; not thread-safe.
 */
final class SubstitutionKernel {
    private final ModelDesign m;
    private final RowStructure rows;
    private final MixingSupport support;
    private final int r;
    private final double[] p;
    /** Second-choice shares among the alternatives other than a dominant one. */
    private final double[] others;

    SubstitutionKernel(ModelDesign design, MixingSupport support) {
        this.m = design;
        this.rows = design.rows;
        this.support = support;
        this.r = support.points();
        this.p = new double[Math.max(2, design.data.maxAlternatives())];
        this.others = new double[p.length];
    }

    /**
     * Adds decision-maker n's situations to the outputs, indexed by situation s with J_s alternatives starting at
     * {@code offset[s]} (shares: J_s values; derivative and removal: J_s x J_s row-major).
     *
     * @param attribute coefficient index of the attribute whose derivatives are wanted
     */
    void add(int n, double[] theta, int attribute, int[] offset, double[] shares, double[] derivative,
            double[] removal) {
        support.prepare(n, theta);
        double[][] beta = support.betaRef();
        double[] weights = support.weightsRef();
        int wo = support.weightOffset();
        int[] situationStart = m.data.situationStartRef();
        int[] dmStart = m.data.decisionMakerStartRef();
        for (int q = 0; q < r; q++) {
            double w = weights[wo + q];
            double slope = beta[attribute][q];
            for (int t = dmStart[n]; t < dmStart[n + 1]; t++) {
                int first = situationStart[t];
                int alternatives = situationStart[t + 1] - first;
                LogitProbabilities.of(rows, beta, q, first, first + alternatives, p);
                int base = offset[t];
                int square = squareOffset(offset, t);
                for (int j = 0; j < alternatives; j++) {
                    shares[base + j] += w * p[j];
                    boolean dominant = p[j] > 0.5;
                    if (dominant) {
                        othersShares(beta, q, first, alternatives, j);
                    }
                    double redistribute = w * p[j] / (1 - p[j]);
                    for (int k = 0; k < alternatives; k++) {
                        derivative[square + j * alternatives + k] += w * slope * p[j] * ((j == k ? 1 : 0) - p[k]);
                        if (k != j) {
                            removal[square + j * alternatives + k] += dominant ? w * p[j] * others[k]
                                    : redistribute * p[k];
                        }
                    }
                }
            }
        }
    }

    /**
     * The logit shares of the alternatives of the situation at rows first.. other than j, at draw q, into
     * {@link #others} (entry j unused): exp(V_k - max) / sum_{l != j} exp(V_l - max), max over l != j.
     */
    private void othersShares(double[][] beta, int q, int first, int alternatives, int j) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < alternatives; k++) {
            if (k != j) {
                others[k] = LogitProbabilities.utility(rows, beta, q, first + k);
                max = Math.max(max, others[k]);
            }
        }
        double den = 0;
        for (int k = 0; k < alternatives; k++) {
            if (k != j) {
                others[k] = Math.exp(others[k] - max);
                den += others[k];
            }
        }
        for (int k = 0; k < alternatives; k++) {
            others[k] /= den;
        }
    }

    /** Start of situation t's square block: sum over earlier situations of J^2, kept in offset's tail. */
    private static int squareOffset(int[] offset, int t) {
        return offset[offset.length / 2 + t];
    }
}
