package org.mixlogit.simulation;

/**
 * One worker's choice probabilities of a decision-maker's alternatives, integrated over the mixing distribution:
 * P_j = sum_r w_r exp(V_jr - max) / sum_i exp(V_ir - max). Unconditional on the person's observed choices.
 * Owns its scratch; not thread-safe.
 */
final class ProbabilityKernel {
    private final ModelDesign m;
    private final RowStructure rows;
    private final MixingSupport support;
    private final int r;
    private final double[] utility;

    ProbabilityKernel(ModelDesign design, MixingSupport support) {
        this.m = design;
        this.rows = design.rows;
        this.support = support;
        this.r = support.points();
        this.utility = new double[Math.max(2, design.data.maxAlternatives())];
    }

    /**
     * Adds decision-maker n's integrated probabilities to {@code out}, indexed by grouped row.
     *
     * @param theta Not modified
     * @param out <b>Modified</b>: the rows of n's situations receive their probabilities (must start at 0)
     */
    void probabilities(int n, double[] theta, double[] out) {
        support.prepare(n, theta);
        double[][] beta = support.betaRef();
        double[] weights = support.weightsRef();
        int wo = support.weightOffset();
        int[] situationStart = m.data.situationStartRef();
        int[] dmStart = m.data.decisionMakerStartRef();
        for (int q = 0; q < r; q++) {
            double w = weights[wo + q];
            for (int t = dmStart[n]; t < dmStart[n + 1]; t++) {
                int first = situationStart[t];
                int end = situationStart[t + 1];
                LogitProbabilities.of(rows, beta, q, first, end, utility);
                for (int i = first; i < end; i++) {
                    out[i] += utility[i - first] * w;
                }
            }
        }
    }
}
