package org.mixlogit.postestimation;

import java.io.Serializable;
import java.util.TreeMap;

import org.mixlogit.simulation.LikelihoodEvaluator;
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
 * Each is a keyed sum over decision-makers (keys: markets), computed by the likelihood evaluator in the engine's
 * canonical reduction order, so a sharded or distributed backend gives the local numbers to the last bit.
 */
final class Aggregates {
    private Aggregates() {
    }

    /** Shares by market and alternative, {@code m * A + j}. */
    static double[] shares(Markets mk, LikelihoodEvaluator ll, double[] theta) {
        int a = mk.alternatives;
        // per market: [sum of weights, weighted probability sums by alternative code]
        TreeMap<Long, double[]> sums = ll.probabilitySums(theta, 1 + a, (data, n, probabilities, acc) -> {
            int[] start = data.situationStartRef();
            int[] dmStart = data.decisionMakerStartRef();
            double w = data.weight(n);
            for (int s = dmStart[n]; s < dmStart[n + 1]; s++) {
                double[] row = acc.row(data.marketCode(s));
                row[0] += w;
                for (int i = start[s]; i < start[s + 1]; i++) {
                    row[1 + data.alternativeCode(i)] += w * probabilities[i];
                }
            }
        });
        double[] out = new double[mk.markets * a];
        for (int m = 0; m < mk.markets; m++) {
            double[] row = sums.get((long) m);
            for (int j = 0; j < a; j++) {
                out[m * a + j] = mk.present[m * a + j] ? row[1 + j] / row[0] : Double.NaN;
            }
        }
        return out;
    }

    static double[] elasticities(Markets mk, LikelihoodEvaluator ll, double[] theta, String attribute) {
        return pairs(mk, ll, theta, attribute, 1.0, (sub, s, j, k, w) -> w * sub.derivative(s, j, k)
                * sub.attributeValue(s, k), (sub, s, j, w) -> w * sub.share(s, j), true);
    }

    static double[] marginalDiversion(Markets mk, LikelihoodEvaluator ll, double[] theta, String attribute) {
        return pairs(mk, ll, theta, attribute, -1.0, (sub, s, j, k, w) -> w * sub.derivative(s, k, j),
                (sub, s, j, w) -> w * sub.derivative(s, j, j), false);
    }

    static double[] removalDiversion(Markets mk, LikelihoodEvaluator ll, double[] theta, String attribute) {
        return pairs(mk, ll, theta, attribute, 1.0, (sub, s, j, k, w) -> w * sub.removalChange(s, j, k),
                (sub, s, j, w) -> w * sub.share(s, j), false);
    }

    /** A situation's weighted numerator term of the pair (j, k); serializable as the aggregators are. */
    @FunctionalInterface
    private interface PairTerm extends Serializable {
        double of(Substitution sub, int situation, int j, int k, double weight);
    }

    /** A situation's weighted denominator term of alternative j. */
    @FunctionalInterface
    private interface AlternativeTerm extends Serializable {
        double of(Substitution sub, int situation, int j, double weight);
    }

    /**
     * sign * (sum of numerator terms of (j, k)) / (sum of denominator terms of j) by market and alternative
     * codes, {@code (m * A + j) * A + k}, NaN where j and k never meet in the market; the diagonal only when asked.
     */
    private static double[] pairs(Markets mk, LikelihoodEvaluator ll, double[] theta, String attribute, double sign,
            PairTerm numerator, AlternativeTerm denominator, boolean diagonal) {
        int a = mk.alternatives;
        // per market: [denominators by code (A), numerators by (code j, code k) (A x A)]
        TreeMap<Long, double[]> sums = ll.substitutionSums(theta, attribute, a + a * a, (data, n, sub, acc) -> {
            int[] start = data.situationStartRef();
            int[] dmStart = data.decisionMakerStartRef();
            double w = data.weight(n);
            for (int s = dmStart[n]; s < dmStart[n + 1]; s++) {
                double[] row = acc.row(data.marketCode(s));
                int alternatives = sub.alternatives(s);
                for (int j = 0; j < alternatives; j++) {
                    int cj = data.alternativeCode(start[s] + j);
                    row[cj] += denominator.of(sub, s, j, w);
                    for (int k = 0; k < alternatives; k++) {
                        if (diagonal || k != j) {
                            row[a + cj * a + data.alternativeCode(start[s] + k)] += numerator.of(sub, s, j, k, w);
                        }
                    }
                }
            }
        });
        double[] out = new double[mk.markets * a * a];
        for (int m = 0; m < mk.markets; m++) {
            double[] row = sums.get((long) m);
            for (int j = 0; j < a; j++) {
                for (int k = 0; k < a; k++) {
                    int i = (m * a + j) * a + k;
                    out[i] = mk.pair[i] ? sign * row[a + j * a + k] / row[j] : Double.NaN;
                }
            }
        }
        return out;
    }
}
