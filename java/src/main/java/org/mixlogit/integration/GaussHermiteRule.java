package org.mixlogit.integration;

/**
 * The Gauss-Hermite product rule for a D-dimensional standard normal: n points per dimension (from Commons Math's
 * one-dimensional rule, rescaled to the standard normal density), n^D nodes with product weights. Exact for
 * polynomials of degree up to 2n - 1 in each coordinate. The same nodes serve every decision-maker.
 */
public final class GaussHermiteRule extends QuadratureRule {
    private final int points;

    /**
     * @param config a {@link DrawType#GAUSS_HERMITE} configuration whose draws() is the points per dimension
     * @param dimension 1 or more
     */
    public GaussHermiteRule(IntegrationConfig config, int dimension) {
        this(checked(config, dimension), dimension, config.draws());
    }

    private GaussHermiteRule(double[][] rule, int dimension, int points) {
        super(dimension, rule[0], rule[1]);
        this.points = points;
    }

    private static double[][] checked(IntegrationConfig config, int dimension) {
        EqualWeightCursor.checkType(config, DrawType.GAUSS_HERMITE, "GaussHermiteRule");
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension is " + dimension + ": at least 1.");
        }
        IntegrationRules.checkGridSize(config, dimension);
        return product(hermite(config.draws()), dimension);
    }

    /** The tensor product of one 1-D rule over D dimensions: {nodes (row-major), weights}. */
    static double[][] product(double[][] rule, int dimension) {
        int n = rule[1].length;
        int count = (int) Math.round(Math.pow(n, dimension));
        double[] nodes = new double[count * dimension];
        double[] weights = new double[count];
        int[] index = new int[dimension];
        for (int c = 0; c < count; c++) {
            double w = 1.0;
            for (int k = 0; k < dimension; k++) {
                nodes[c * dimension + k] = rule[0][index[k]];
                w *= rule[1][index[k]];
            }
            weights[c] = w;
            for (int k = dimension - 1; k >= 0; k--) {
                if (++index[k] < n) {
                    break;
                }
                index[k] = 0;
            }
        }
        return new double[][] {nodes, weights};
    }

    @Override
    public String describe() {
        return DrawType.GAUSS_HERMITE.code() + ", " + points + " points per dimension, " + nodeCount() + " nodes";
    }
}
