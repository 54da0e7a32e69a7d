package org.mixlogit.simulation;

/**
 * One worker's choice probabilities of a decision-maker's alternatives, integrated over the mixing distribution:
 * P_j = sum_r w_r exp(V_jr - max) / sum_i exp(V_ir - max). Unconditional on the person's observed choices.
 * Owns its scratch; not thread-safe.
 */
final class ProbabilityKernel {
    private final ModelDesign m;
    private final RowStructure rows;
    private final VariateStore.Source source;
    private final CoefficientDraws draws;
    private final int r;
    private final double[] utility;

    ProbabilityKernel(ModelDesign design, VariateStore store) {
        this.m = design;
        this.rows = design.rows;
        this.source = store.newSource();
        this.r = store.nodeCount();
        this.draws = new CoefficientDraws(design, r);
        this.utility = new double[Math.max(2, design.data.maxAlternatives())];
    }

    /**
     * Adds decision-maker n's integrated probabilities to {@code out}, indexed by grouped row.
     *
     * @param theta Not modified
     * @param out <b>Modified</b>: the rows of n's situations receive their probabilities (must start at 0)
     */
    void probabilities(int n, double[] theta, double[] out) {
        source.load(n);
        draws.compute(n, theta, source.variates, source.variateOffset);
        int[] situationStart = m.data.situationStartRef();
        int[] dmStart = m.data.decisionMakerStartRef();
        for (int q = 0; q < r; q++) {
            double w = source.weights[source.weightOffset + q];
            for (int t = dmStart[n]; t < dmStart[n + 1]; t++) {
                int first = situationStart[t];
                int end = situationStart[t + 1];
                LogitProbabilities.of(rows, draws.beta, q, first, end, utility);
                for (int i = first; i < end; i++) {
                    out[i] += utility[i - first] * w;
                }
            }
        }
    }
}
