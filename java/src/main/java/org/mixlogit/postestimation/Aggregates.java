package org.mixlogit.postestimation;

import org.mixlogit.simulation.Substitution;

/**
 * Market-level aggregates of situation-level predictions, each situation weighted by its decision-maker's weight.
 * Outputs are dense: shares indexed m * A + j, matrices (m * A + j) * A + k, with NaN where undefined.
 * <ul>
 * <li>Share of j in market m: S_j = sum_i w_i s_ij / sum_i w_i (an alternative missing from a situation counts
 * as share 0 there).</li>
 * <li>Elasticity of S_j with respect to a one-percent change of attribute x of k in every situation of the market:
 * E_jk = sum_i w_i (d s_ij / d x_ik) x_ik / sum_i w_i s_ij, the share-weighted average of situation elasticities.
 * </li>
 * <li>Marginal (price-change) diversion for a unit change of x_j in every situation: D_jk = -sum_i w_i (d s_ik /
 * d x_ij) / sum_i w_i (d s_ij / d x_ij).</li>
 * <li>Product-removal (second-choice) diversion: D_jk = sum_i w_i (s_ik without j - s_ik) / sum_i w_i s_ij.</li>
 * </ul>
 */
final class Aggregates {
    private Aggregates() {
    }

    /** @param probabilities integrated probabilities by grouped row */
    static double[] shares(Markets mk, double[] probabilities) {
        int a = mk.alternatives;
        double[] num = new double[mk.markets * a];
        double[] den = new double[mk.markets];
        int[] start = mk.data.situationStartRef();
        for (int s = 0; s < mk.market.length; s++) {
            int m = mk.market[s];
            double w = mk.weight[s];
            den[m] += w;
            for (int i = start[s]; i < start[s + 1]; i++) {
                num[m * a + mk.data.alternativeCode(i)] += w * probabilities[i];
            }
        }
        for (int m = 0; m < mk.markets; m++) {
            for (int j = 0; j < a; j++) {
                num[m * a + j] = mk.present[m * a + j] ? num[m * a + j] / den[m] : Double.NaN;
            }
        }
        return num;
    }

    static double[] elasticities(Markets mk, Substitution sub) {
        Sums sums = new Sums(mk);
        for (int s = 0; s < mk.market.length; s++) {
            int n = sub.alternatives(s);
            double w = mk.weight[s];
            for (int j = 0; j < n; j++) {
                sums.addDenominator(s, j, w * sub.share(s, j));
                for (int k = 0; k < n; k++) {
                    sums.addNumerator(s, j, k, w * sub.derivative(s, j, k) * sub.attributeValue(s, k));
                }
            }
        }
        return sums.ratios(1.0);
    }

    static double[] marginalDiversion(Markets mk, Substitution sub) {
        Sums sums = new Sums(mk);
        for (int s = 0; s < mk.market.length; s++) {
            int n = sub.alternatives(s);
            double w = mk.weight[s];
            for (int j = 0; j < n; j++) {
                sums.addDenominator(s, j, w * sub.derivative(s, j, j));
                for (int k = 0; k < n; k++) {
                    if (k != j) {
                        sums.addNumerator(s, j, k, w * sub.derivative(s, k, j));
                    }
                }
            }
        }
        return sums.ratios(-1.0);
    }

    static double[] removalDiversion(Markets mk, Substitution sub) {
        Sums sums = new Sums(mk);
        for (int s = 0; s < mk.market.length; s++) {
            int n = sub.alternatives(s);
            double w = mk.weight[s];
            for (int j = 0; j < n; j++) {
                sums.addDenominator(s, j, w * sub.share(s, j));
                for (int k = 0; k < n; k++) {
                    if (k != j) {
                        sums.addNumerator(s, j, k, w * sub.removalChange(s, j, k));
                    }
                }
            }
        }
        return sums.ratios(1.0);
    }

    /** Numerators per (market, j, k) and denominators per (market, j), keyed by alternative codes. */
    private static final class Sums {
        private final Markets mk;
        private final int a;
        private final double[] num;
        private final double[] den;
        private final int[] start;

        Sums(Markets mk) {
            this.mk = mk;
            this.a = mk.alternatives;
            this.num = new double[mk.markets * a * a];
            this.den = new double[mk.markets * a];
            this.start = mk.data.situationStartRef();
        }

        private int code(int s, int j) {
            return mk.data.alternativeCode(start[s] + j);
        }

        void addDenominator(int s, int j, double v) {
            den[mk.market[s] * a + code(s, j)] += v;
        }

        void addNumerator(int s, int j, int k, double v) {
            num[(mk.market[s] * a + code(s, j)) * a + code(s, k)] += v;
        }

        double[] ratios(double sign) {
            double[] out = new double[num.length];
            for (int m = 0; m < mk.markets; m++) {
                for (int j = 0; j < a; j++) {
                    for (int k = 0; k < a; k++) {
                        int i = (m * a + j) * a + k;
                        out[i] = mk.pair[i] ? sign * num[i] / den[m * a + j] : Double.NaN;
                    }
                }
            }
            return out;
        }
    }
}
