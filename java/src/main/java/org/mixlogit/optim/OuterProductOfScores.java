package org.mixlogit.optim;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The BHHH approximation of the Hessian, the outer product of the per-observation gradients sum_n s_n s_n',
 * and its inverse by Cholesky; a growing ridge is added while it is numerically singular.
 */
final class OuterProductOfScores {
    private final ScoredObjective objective;
    private final double[] outerProduct;
    private final double[] gradient;
    private int evaluations;

    OuterProductOfScores(ScoredObjective objective) {
        this.objective = objective;
        this.outerProduct = new double[objective.dimension() * objective.dimension()];
        this.gradient = new double[objective.dimension()];
    }

    /** The inverse of sum_n s_n s_n' at x, as an n x n row-major array. */
    double[] inverseAt(double[] x) {
        int n = objective.dimension();
        objective.valueGradientAndOuterProduct(x, gradient, outerProduct);
        evaluations++;
        double[][] outer = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                outer[i][j] = 0.5 * (outerProduct[i * n + j] + outerProduct[j * n + i]);
            }
        }
        double maxDiagonal = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                outer[j][i] = outer[i][j];
            }
            maxDiagonal = Math.max(maxDiagonal, outer[i][i]);
        }
        double ridge = 0;
        for (int attempt = 0; attempt < 16; attempt++) {
            Array2DRowRealMatrix a = new Array2DRowRealMatrix(outer, true);
            for (int i = 0; i < n; i++) {
                a.addToEntry(i, i, ridge);
            }
            try {
                RealMatrix inv = new CholeskyDecomposition(a, 1e-14, 1e-14).getSolver().getInverse();
                double[] out = new double[n * n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        out[i * n + j] = inv.getEntry(i, j);
                    }
                }
                return out;
            } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
                ridge = ridge == 0 ? 1e-10 * Math.max(maxDiagonal, 1e-300) : ridge * 10;
            }
        }
        return null;
    }

    int evaluations() {
        return evaluations;
    }
}
