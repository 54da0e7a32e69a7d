package org.mixlogit.simulation;

import java.util.Arrays;

import org.mixlogit.math.ArrayExp;

/**
 * A situation's utilities and logit probabilities for all draws at once, one array per alternative and one entry
 * per draw, so the loops run over draws and vectorize (the per-draw version is {@link LogitProbabilities}).
 */
final class DrawUtilities {
    private DrawUtilities() {
    }

    /**
     * @param utility <b>Modified</b>: utility[j][q] of rows first..end-1 for draws 0..r-1
     * @param max <b>Modified</b>: each draw's largest utility over the alternatives
     */
    static void utilities(RowStructure rows, double[][] beta, int first, int end, int r, double[][] utility,
            double[] max) {
        int alternatives = end - first;
        for (int j = 0; j < alternatives; j++) {
            double[] u = utility[j];
            Arrays.fill(u, 0, r, 0.0);
            for (int e = rows.nonZeroStart[first + j]; e < rows.nonZeroStart[first + j + 1]; e++) {
                double value = rows.value[e];
                double[] betaRow = beta[rows.attribute[e]];
                for (int q = 0; q < r; q++) {
                    u[q] += value * betaRow[q];
                }
            }
        }
        System.arraycopy(utility[0], 0, max, 0, r);
        for (int j = 1; j < alternatives; j++) {
            double[] u = utility[j];
            for (int q = 0; q < r; q++) {
                max[q] = Math.max(max[q], u[q]);
            }
        }
    }

    /**
     * The logit probabilities of every draw, computed in place of the utilities: exp(u_j - max_j u_j) by the
     * vectorized {@link ArrayExp} (within 1 ulp of {@link Math#exp}) when every argument is at least
     * {@link ArrayExp#FLOOR}, so that no argument is clamped; otherwise (a probability below about 1e-18, or
     * utilities that are not finite) the whole situation by {@link Math#exp}, as the plain algorithm does.
     *
     * @param prob <b>Modified</b>: prob[j][q]
     * @param max <b>Modified</b>: scratch of length r
     * @param denominator <b>Modified</b>: scratch of length r
     * @param work <b>Modified</b>: scratch of length r
     */
    static void probabilities(RowStructure rows, double[][] beta, int first, int end, int r, double[][] prob,
            double[] max, double[] denominator, double[] work) {
        utilities(rows, beta, first, end, r, prob, max);
        int alternatives = end - first;
        Arrays.fill(denominator, 0, r, 0.0);
        double lowest = 0;
        for (int j = 0; j < alternatives; j++) {
            double[] u = prob[j];
            for (int q = 0; q < r; q++) {
                lowest = Math.min(lowest, u[q] - max[q]);
            }
        }
        boolean vectorized = lowest >= ArrayExp.FLOOR;
        for (int j = 0; j < alternatives; j++) {
            double[] u = prob[j];
            if (vectorized) {
                ArrayExp.expShifted(u, max, u, work, r);
            } else {
                for (int q = 0; q < r; q++) {
                    u[q] = Math.exp(u[q] - max[q]);
                }
            }
            for (int q = 0; q < r; q++) {
                denominator[q] += u[q];
            }
        }
        for (int q = 0; q < r; q++) {
            denominator[q] = 1.0 / denominator[q];
        }
        for (int j = 0; j < alternatives; j++) {
            double[] u = prob[j];
            for (int q = 0; q < r; q++) {
                u[q] *= denominator[q];
            }
        }
    }
}
