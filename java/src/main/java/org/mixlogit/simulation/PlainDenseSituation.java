package org.mixlogit.simulation;

import java.util.Arrays;

import org.mixlogit.math.ArrayExp;

/**
 * The portable {@link DenseSituation}: one loop over the draws per pass ({@link Chunks}' fused loops of up to five
 * rows, {@link ArrayExp#expWide}), which HotSpot's C2 compiler vectorizes on any Java the engine runs on, with no
 * JVM option. Not thread-safe (one per worker).
 */
final class PlainDenseSituation implements DenseSituation {
    /** Its arrays of one double per draw: zeros, ones and a work row. */
    static final int SCRATCH_ROWS = 3;
    private final int r;
    private final Chunks chunks;
    private final double[] zeros;
    private final double[] ones;
    private final double[] work;

    PlainDenseSituation(int draws) {
        this.r = draws;
        this.chunks = new Chunks(draws);
        this.zeros = new double[draws];
        this.ones = new double[draws];
        Arrays.fill(ones, 1.0);
        this.work = new double[draws];
    }

    @Override
    public int scratchRows() {
        return SCRATCH_ROWS;
    }

    @Override
    public void evaluate(double[] difference, int m, int k, double[][] beta, double[][] rows, double[] inverse,
            double[] product, double[] health, double[][] betaScore) {
        utilities(difference, m, k, beta, rows);
        for (int j = 0; j < m; j++) {
            ArrayExp.expWide(rows[j], rows[j], work, r);
        }
        SituationProbabilities.chosenProbability(chunks, rows, m, ones, inverse, product, health, r);
        if (betaScore != null) {
            SituationProbabilities.probabilities(rows, m, inverse, r);
            score(difference, m, k, rows, betaScore);
        }
    }

    /**
     * rows[j] = d_j'beta for every draw, attributes in order (chunks of five, each continuing the last).
     *
     * @param difference Not modified
     * @param beta Not modified
     * @param rows <b>Modified</b>: their first m rows
     */
    private void utilities(double[] difference, int m, int k, double[][] beta, double[][] rows) {
        Chunks c = chunks;
        for (int j = 0; j < m; j++) {
            double[] src = zeros;
            for (int a = 0; a < k; a += Chunks.MAX) {
                int size = Math.min(Chunks.MAX, k - a);
                for (int i = 0; i < size; i++) {
                    c.value[i] = difference[j * k + a + i];
                    c.row[i] = beta[a + i];
                }
                c.addProducts(size, rows[j], src);
                src = rows[j];
            }
            if (k == 0) {
                Arrays.fill(rows[j], 0, r, 0.0);
            }
        }
    }

    /**
     * betaScore_a -= sum_j d_ja P_j per draw, alternatives in order (chunks of five).
     *
     * @param difference Not modified
     * @param rows Not modified: the probabilities
     * @param betaScore <b>Modified</b>
     */
    private void score(double[] difference, int m, int k, double[][] rows, double[][] betaScore) {
        Chunks c = chunks;
        for (int a = 0; a < k; a++) {
            for (int j = 0; j < m; j += Chunks.MAX) {
                int size = Math.min(Chunks.MAX, m - j);
                for (int i = 0; i < size; i++) {
                    c.value[i] = difference[(j + i) * k + a];
                    c.row[i] = rows[j + i];
                }
                c.subtractProducts(size, betaScore[a]);
            }
        }
    }
}
