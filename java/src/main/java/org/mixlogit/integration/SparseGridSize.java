package org.mixlogit.integration;

import java.util.HashSet;
import java.util.Set;

/**
 * The size of a Smolyak sparse grid computed from its one-dimensional rules, without building it: its number of
 * distinct nodes (exact before cancelled weights are dropped when the rules are nested, an upper bound otherwise)
 * and the tensor-product points its construction visits. Both are sums over multi-indices of products of
 * one-dimensional sizes, computed by a recursion over the dimensions in O(D k^2).
 */
final class SparseGridSize {
    private SparseGridSize() {
    }

    /**
     * Distinct nodes of the level-{@code level} grid in {@code dimension} dimensions: an upper bound (exact for
     * nested rules, before cancelled weights are dropped), as a double because it may pass any integer type.
     *
     * <p>A node belongs to the union of the tensor grids with |i| &lt;= D + k - 1 (a downward-closed set of
     * multi-indices, which holds every grid the combination uses) exactly when the vector of the levels at which
     * each of its coordinates first appears is in the set; so the union has sum over that set of prod_d
     * new(l_d) nodes, new(l) being the nodes of the level-l rule absent from every lower level.
     */
    static double nodes(SparseGridFamily family, int level, int dimension) {
        double[] fresh = new double[level + 1];
        Set<Double> seen = new HashSet<>();
        for (int l = 1; l <= level; l++) {
            for (double z : family.rule(l)[0]) {
                if (seen.add(z == 0.0 ? 0.0 : z)) {
                    fresh[l]++;
                }
            }
        }
        double[] bySum = compositionSums(fresh, level, dimension);
        double total = 0;
        for (int s = dimension; s <= dimension + level - 1; s++) {
            total += bySum[s];
        }
        return Math.min(total, work(family, level, dimension));
    }

    /** Tensor-product points the construction visits: sum over the combination's |i| of prod_d n(i_d). */
    static double work(SparseGridFamily family, int level, int dimension) {
        double[] size = new double[level + 1];
        for (int l = 1; l <= level; l++) {
            size[l] = family.rule(l)[1].length;
        }
        double[] bySum = compositionSums(size, level, dimension);
        double total = 0;
        for (int q = Math.max(0, level - dimension); q <= level - 1; q++) {
            total += bySum[dimension + q];
        }
        return total;
    }

    /**
     * For each total s, the sum over vectors of {@code dimension} levels in 1..level summing to s of the product of
     * {@code value[l]}.
     *
     * @param value Not modified: value[1..level]
     */
    private static double[] compositionSums(double[] value, int level, int dimension) {
        int top = dimension * level;
        double[] current = new double[top + 1];
        for (int l = 1; l <= level; l++) {
            current[l] = value[l];
        }
        for (int d = 2; d <= dimension; d++) {
            double[] next = new double[top + 1];
            for (int s = d - 1; s <= (d - 1) * level; s++) {
                if (current[s] == 0) {
                    continue;
                }
                for (int l = 1; l <= level; l++) {
                    next[s + l] += current[s] * value[l];
                }
            }
            current = next;
        }
        return current;
    }
}
