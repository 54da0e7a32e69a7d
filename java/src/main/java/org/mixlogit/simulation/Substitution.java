package org.mixlogit.simulation;

/**
 * Substitution patterns of every choice situation for one attribute, integrated over the mixing distribution:
 * shares, the derivative matrix d s_j / d x_k, elasticities, and diversion ratios after Conlon and Mortimer
 * (2020) — marginal (price-change) D_jk = -(d s_k / d x_j) / (d s_j / d x_j) and product-removal (second-choice)
 * D_jk = (s_k without j - s_k) / s_j. Alternatives are indexed within a situation in grouped row order.
 * Immutable; accessors compute from the stored sums.
 */
public final class Substitution {
    private final int[] offset;
    private final int[] alternatives;
    private final double[] shares;
    private final double[] derivative;
    private final double[] removal;
    private final double[] attribute;

    Substitution(int[] offset, int[] alternatives, double[] shares, double[] derivative, double[] removal,
            double[] attribute) {
        this.offset = offset;
        this.alternatives = alternatives;
        this.shares = shares;
        this.derivative = derivative;
        this.removal = removal;
        this.attribute = attribute;
    }

    public int situationCount() {
        return alternatives.length;
    }

    public int alternatives(int situation) {
        return alternatives[situation];
    }

    /** Integrated choice probability of alternative j in a situation. */
    public double share(int situation, int j) {
        return shares[offset[situation] + j];
    }

    /** d s_j / d x_k. */
    public double derivative(int situation, int j, int k) {
        int n = alternatives[situation];
        return derivative[offset[alternatives.length + situation] + j * n + k];
    }

    /** Elasticity of s_j with respect to x_k: (d s_j / d x_k) x_k / s_j. */
    public double elasticity(int situation, int j, int k) {
        return derivative(situation, j, k) * attribute[offset[situation] + k] / share(situation, j);
    }

    /** Marginal (price-change) diversion from j to k: -(d s_k / d x_j) / (d s_j / d x_j). */
    public double marginalDiversion(int situation, int j, int k) {
        return -derivative(situation, k, j) / derivative(situation, j, j);
    }

    /** Change in the share of k when j is removed from the choice set: s_k without j - s_k (0 for k = j). */
    public double removalChange(int situation, int j, int k) {
        if (j == k) {
            return 0.0;
        }
        int n = alternatives[situation];
        return removal[offset[alternatives.length + situation] + j * n + k];
    }

    /** The attribute's value for alternative j of a situation. */
    public double attributeValue(int situation, int j) {
        return attribute[offset[situation] + j];
    }

    /** Product-removal (second-choice) diversion from j to k: (s_k without j - s_k) / s_j. */
    public double removalDiversion(int situation, int j, int k) {
        if (j == k) {
            return Double.NaN;
        }
        int n = alternatives[situation];
        return removal[offset[alternatives.length + situation] + j * n + k] / share(situation, j);
    }
}
