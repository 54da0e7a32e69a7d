package org.mixlogit.integration;

/**
 * A quadrature rule: one fixed set of weighted standard normal nodes used for every decision-maker. Weights may
 * be negative (sparse grids); they sum to one. Immutable and thread-safe.
 */
abstract class QuadratureRule implements IntegrationRule {
    private final int dimension;
    private final double[] nodes;
    private final double[] weights;

    /**
     * @param nodes Not modified (copied): count x dimension, row-major
     * @param weights Not modified (copied): count weights
     */
    QuadratureRule(int dimension, double[] nodes, double[] weights) {
        this.dimension = dimension;
        this.nodes = nodes.clone();
        this.weights = weights.clone();
    }

    @Override
    public final int dimension() {
        return dimension;
    }

    @Override
    public final int nodeCount() {
        return weights.length;
    }

    /** The weights, a copy. */
    final double[] weights() {
        return weights.clone();
    }

    @Override
    public final NodeCursor newCursor() {
        return (decisionMaker, outNodes, outWeights) -> {
            if (decisionMaker < 0) {
                throw new IllegalArgumentException("decisionMaker is " + decisionMaker + ": it must be 0 or more.");
            }
            System.arraycopy(nodes, 0, outNodes, 0, nodes.length);
            System.arraycopy(weights, 0, outWeights, 0, weights.length);
        };
    }

    @Override
    public final String toString() {
        return describe();
    }

    /** The one-dimensional Gauss-Hermite rule for the standard normal with n points: {nodes, weights}. */
    static double[][] hermite(int n) {
        org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator rule =
                new org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory().hermite(n);
        double[] z = new double[n];
        double[] w = new double[n];
        double scale = Math.sqrt(2);
        double norm = Math.sqrt(Math.PI);
        for (int i = 0; i < n; i++) {
            z[i] = scale * rule.getPoint(i);
            w[i] = rule.getWeight(i) / norm;
        }
        return new double[][] {z, w};
    }
}
