package org.mixlogit.integration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.util.CombinatoricsUtils;
import org.mixlogit.InvalidSpecificationException;

/**
 * A Smolyak sparse grid for a D-dimensional standard normal built from Gauss-Hermite rules, in the combination
 * form of Heiss and Winschel (2008): for accuracy level k,
 * A(D, k) = sum over q = max(0, k - D) .. k - 1 of (-1)^(k-1-q) C(D-1, k-1-q) sum over |i| = D + q of the tensor
 * product of the 1-D rules with i_1, ..., i_D points. It integrates polynomials of total degree up to 2k - 1
 * exactly. Coinciding nodes are merged; weights can be negative. The same nodes serve every decision-maker.
 */
public final class SparseGridRule extends QuadratureRule {
    private final int level;

    /**
     * @param config a {@link DrawType#SPARSE_GRID} configuration whose draws() is the accuracy level k
     * @param dimension 1 or more
     */
    public SparseGridRule(IntegrationConfig config, int dimension) {
        this(build(config, dimension), dimension, config.draws());
    }

    private SparseGridRule(double[][] grid, int dimension, int level) {
        super(dimension, grid[0], grid[1]);
        this.level = level;
    }

    private static double[][] build(IntegrationConfig config, int dimension) {
        EqualWeightCursor.checkType(config, DrawType.SPARSE_GRID, "SparseGridRule");
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension is " + dimension + ": at least 1.");
        }
        int k = config.draws();
        if (k > 25) {
            throw new InvalidSpecificationException("Sparse-grid level " + k + " is beyond what is useful (at most"
                    + " 25); levels 3 to 8 are usual.");
        }
        Map<List<Double>, Double> merged = new LinkedHashMap<>();
        double[][][] rules = new double[k + 1][][];
        for (int i = 1; i <= k; i++) {
            rules[i] = hermite(i);
        }
        for (int q = Math.max(0, k - dimension); q <= k - 1; q++) {
            double coefficient = ((k - 1 - q) % 2 == 0 ? 1 : -1)
                    * CombinatoricsUtils.binomialCoefficientDouble(dimension - 1, k - 1 - q);
            for (int[] index : compositions(dimension + q, dimension)) {
                addTensor(merged, rules, index, coefficient);
            }
        }
        List<double[]> nodes = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (Map.Entry<List<Double>, Double> e : merged.entrySet()) {
            if (Math.abs(e.getValue()) > 1e-15) {
                double[] z = new double[dimension];
                for (int d = 0; d < dimension; d++) {
                    z[d] = e.getKey().get(d);
                }
                nodes.add(z);
                weights.add(e.getValue());
            }
        }
        double[] flat = new double[nodes.size() * dimension];
        double[] w = new double[nodes.size()];
        for (int c = 0; c < w.length; c++) {
            System.arraycopy(nodes.get(c), 0, flat, c * dimension, dimension);
            w[c] = weights.get(c);
        }
        return new double[][] {flat, w};
    }

    /** All vectors of {@code parts} positive integers summing to {@code total}. */
    private static List<int[]> compositions(int total, int parts) {
        List<int[]> out = new ArrayList<>();
        compose(new int[parts], 0, total, out);
        return out;
    }

    private static void compose(int[] current, int position, int remaining, List<int[]> out) {
        int left = current.length - position;
        if (left == 1) {
            current[position] = remaining;
            out.add(current.clone());
            return;
        }
        for (int v = 1; v <= remaining - (left - 1); v++) {
            current[position] = v;
            compose(current, position + 1, remaining - v, out);
        }
    }

    private static void addTensor(Map<List<Double>, Double> merged, double[][][] rules, int[] index,
            double coefficient) {
        int dimension = index.length;
        int[] at = new int[dimension];
        while (true) {
            List<Double> key = new ArrayList<>(dimension);
            double w = coefficient;
            for (int d = 0; d < dimension; d++) {
                double z = rules[index[d]][0][at[d]];
                key.add(z == 0.0 ? 0.0 : z);
                w *= rules[index[d]][1][at[d]];
            }
            merged.merge(key, w, Double::sum);
            int d = dimension - 1;
            while (d >= 0 && ++at[d] == index[d]) {
                at[d] = 0;
                d--;
            }
            if (d < 0) {
                return;
            }
        }
    }

    @Override
    public String describe() {
        return DrawType.SPARSE_GRID.code() + ", level " + level + " (exact to total degree " + (2 * level - 1)
                + "), " + nodeCount() + " nodes";
    }
}
