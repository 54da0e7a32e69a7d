package org.mixlogit.integration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.util.CombinatoricsUtils;
import org.mixlogit.InvalidSpecificationException;

/**
 * A Smolyak sparse grid for a D-dimensional standard normal in the combination form of Heiss and Winschel (2008):
 * for accuracy level k,
 * A(D, k) = sum over q = max(0, k - D) .. k - 1 of (-1)^(k-1-q) C(D-1, k-1-q) sum over |i| = D + q of the tensor
 * product of the 1-D rules of levels i_1, ..., i_D. The 1-D rules are nested Genz-Keister rules
 * ({@link DrawType#SPARSE_GRID}) or Gauss-Hermite rules with l points at level l
 * ({@link DrawType#SPARSE_GRID_GH}); either way the level-l rule is exact to degree 2l - 1, so the grid integrates
 * polynomials of total degree up to 2k - 1 exactly. Coinciding nodes are merged (their weights summed) and nodes
 * whose merged weight cancels are dropped; weights can be negative. The same nodes serve every decision-maker.
 */
public final class SparseGridRule extends QuadratureRule {
    /** A merged weight smaller than this fraction of the sum of its contributions' magnitudes has cancelled. */
    private static final double CANCELLED = 1e-12;
    private final int level;
    private final SparseGridFamily family;

    /**
     * @param config a {@link DrawType#SPARSE_GRID} or {@link DrawType#SPARSE_GRID_GH} configuration whose draws()
     *     is the accuracy level k
     * @param dimension 1 or more
     */
    public SparseGridRule(IntegrationConfig config, int dimension) {
        this(build(config, dimension), dimension, config.draws(), SparseGridFamily.of(config.type()));
    }

    private SparseGridRule(double[][] grid, int dimension, int level, SparseGridFamily family) {
        super(dimension, grid[0], grid[1]);
        this.level = level;
        this.family = family;
    }

    /** The error for a sparse-grid level above its family's highest rule (the level is config's draws). */
    static InvalidSpecificationException levelBeyondRules(IntegrationConfig config) {
        SparseGridFamily family = SparseGridFamily.of(config.type().baseType());
        return new InvalidSpecificationException("Sparse-grid level " + config.draws() + " (draws "
                + config.type().code() + ") is beyond the " + family.label() + " rules (at most "
                + family.maxLevel() + "); levels 3 to 12 are usual.");
    }

    private static double[][] build(IntegrationConfig config, int dimension) {
        if (config == null || !config.type().isSparseGrid()) {
            throw new IllegalArgumentException("SparseGridRule needs a sparse or sparse-gh configuration, not "
                    + (config == null ? "null" : config.type()) + ": use IntegrationRules.create.");
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension is " + dimension + ": at least 1.");
        }
        SparseGridFamily family = SparseGridFamily.of(config.type());
        int k = config.draws();
        if (k > family.maxLevel()) {
            throw levelBeyondRules(config);
        }
        IntegrationRules.checkGridSize(config, dimension);
        double[][][] rules = new double[k + 1][][];
        for (int i = 1; i <= k; i++) {
            rules[i] = family.rule(i);
        }
        Map<List<Double>, double[]> merged = new LinkedHashMap<>();
        for (int q = Math.max(0, k - dimension); q <= k - 1; q++) {
            double coefficient = ((k - 1 - q) % 2 == 0 ? 1 : -1)
                    * CombinatoricsUtils.binomialCoefficientDouble(dimension - 1, k - 1 - q);
            for (int[] index : compositions(dimension + q, dimension)) {
                addTensor(merged, rules, index, coefficient);
            }
        }
        List<double[]> nodes = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (Map.Entry<List<Double>, double[]> e : merged.entrySet()) {
            double[] sum = e.getValue();
            if (Math.abs(sum[0]) > CANCELLED * sum[1]) {
                double[] z = new double[dimension];
                for (int d = 0; d < dimension; d++) {
                    z[d] = e.getKey().get(d);
                }
                nodes.add(z);
                weights.add(sum[0]);
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

    /** Adds one tensor product's weighted nodes: merged maps a node to {sum of weights, sum of |weights|}. */
    private static void addTensor(Map<List<Double>, double[]> merged, double[][][] rules, int[] index,
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
            double[] sum = merged.computeIfAbsent(key, x -> new double[2]);
            sum[0] += w;
            sum[1] += Math.abs(w);
            int d = dimension - 1;
            while (d >= 0 && ++at[d] == rules[index[d]][1].length) {
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
        DrawType type = family == SparseGridFamily.GENZ_KEISTER ? DrawType.SPARSE_GRID : DrawType.SPARSE_GRID_GH;
        return type.code() + ", level " + level + " (" + family.label() + ", exact to total degree "
                + (2 * level - 1) + "), " + nodeCount() + " nodes";
    }
}
