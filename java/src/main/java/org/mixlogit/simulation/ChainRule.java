package org.mixlogit.simulation;

import java.util.Arrays;

/**
 * The last step of every parameter derivative: from per-coefficient sums over draws of d f / d location and
 * d f / d scale, and the per-draw location terms of the correlated block, to d f / d theta — means,
 * heterogeneity (location times the characteristic), scales, and the Cholesky entries (location term times the
 * node of the entry's column, summed over draws). A block member's coefficient is beta = g(u) of its underlying
 * normal u = location + sum_c L_kc z_c, and its location term already carries g'(u) (d beta / d location), so
 * d beta / d L_kc = g'(u) z_c holds for lognormal and censored members as for normal ones.
 */
final class ChainRule {
    private ChainRule() {
    }

    /**
     * @param locationTerm Not modified: d f / d location of coefficient k in draw q ({@code locationTerm[k][q]})
     * @param v Not modified: the decision-maker's standard variates from {@code vo}
     * @param out <b>Modified</b>: the P derivatives from {@code so}
     */
    static void toParameters(ModelDesign m, int n, double[] locationSum, double[] scaleSum,
            double[][] locationTerm, double[] v, int vo, int draws, double[] out, int so) {
        Arrays.fill(out, so, so + m.p, 0.0);
        double[] characteristics = m.data.characteristicsRef();
        int cc = m.data.characteristicCount();
        for (int i = 0; i < m.k; i++) {
            int mi = m.meanIndex[i];
            if (mi >= 0) {
                out[so + mi] = locationSum[i];
            }
            int[] cols = m.heterogeneityColumns[i];
            int hs = m.heterogeneityStart[i];
            for (int h = 0; h < cols.length; h++) {
                out[so + hs + h] = locationSum[i] * characteristics[n * cc + cols[h]];
            }
            int si = m.scaleIndex[i];
            if (si >= 0) {
                out[so + si] = scaleSum[i];
            }
        }
        int b = m.blockMembers.length;
        int d = m.d;
        for (int a = 0; a < b; a++) {
            double[] t = locationTerm[m.blockMembers[a]];
            for (int c = 0; c <= a; c++) {
                int dim = m.dimension[m.blockMembers[c]];
                double acc = 0;
                for (int q = 0; q < draws; q++) {
                    acc += t[q] * v[vo + q * d + dim];
                }
                out[so + m.choleskyIndex[a * b + c]] = acc;
            }
        }
    }
}
