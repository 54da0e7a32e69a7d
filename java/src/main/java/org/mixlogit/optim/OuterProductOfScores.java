package org.mixlogit.optim;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The BHHH approximation of the Hessian, the outer product of the per-observation gradients sum_n s_n s_n',
 * and its inverse by Cholesky; a growing ridge is added while it is numerically singular. The optimizer's
 * evaluation of its starting point may come through here ({@link #valueAndGradientAt}), so that the outer product
 * there, which BFGS and BHHH then ask for, costs no evaluation of its own.
 */
final class OuterProductOfScores {
    private final ScoredObjective objective;
    private final double[] outerProduct;
    private final double[] gradient;
    /** Where {@link #outerProduct} was last computed by {@link #valueAndGradientAt}; null once used or before. */
    private double[] heldAt;
    private int evaluations;

    OuterProductOfScores(ScoredObjective objective) {
        this.objective = objective;
        this.outerProduct = new double[objective.dimension() * objective.dimension()];
        this.gradient = new double[objective.dimension()];
    }

    /**
     * The objective's value and gradient at x, computed together with the outer product there, which the next
     * {@link #inverseAt} at bit for bit x then uses. The caller counts this evaluation ({@link #evaluations} does
     * not): the value and gradient are those of {@link Objective#valueAndGradient}, only the outer product is added.
     *
     * @param x Not modified
     * @param gradient <b>Modified</b>: receives the gradient
     */
    double valueAndGradientAt(double[] x, double[] gradient) {
        double value = objective.valueGradientAndOuterProduct(x, gradient, outerProduct);
        heldAt = x.clone();
        return value;
    }

    /** The inverse of sum_n s_n s_n' at x, as an n x n row-major array. */
    double[] inverseAt(double[] x) {
        int n = objective.dimension();
        if (heldAt == null || !java.util.Arrays.equals(heldAt, x)) {
            objective.valueGradientAndOuterProduct(x, gradient, outerProduct);
            evaluations++;
        }
        heldAt = null;
        return inverseWithRidge(outerProduct, n);
    }

    /**
     * The inverse of a symmetric positive (semi-)definite matrix by Cholesky, with a growing ridge while it is
     * numerically singular; null when even the largest ridge fails.
     *
     * @param matrix Not modified: n x n row-major (its two triangles are averaged)
     */
    static double[] inverseWithRidge(double[] matrix, int n) {
        double[][] outer = symmetric(matrix, n);
        double maxDiagonal = 0;
        for (int i = 0; i < n; i++) {
            maxDiagonal = Math.max(maxDiagonal, outer[i][i]);
        }
        double ridge = 0;
        for (int attempt = 0; attempt < 16; attempt++) {
            double[] inverse = choleskyInverse(outer, n, ridge);
            if (inverse != null) {
                return inverse;
            }
            ridge = ridge == 0 ? 1e-10 * Math.max(maxDiagonal, 1e-300) : ridge * 10;
        }
        return null;
    }

    /**
     * The inverse of a symmetric matrix by Cholesky without any ridge, or null when it is not numerically positive
     * definite.
     *
     * @param matrix Not modified: n x n row-major (its two triangles are averaged)
     */
    static double[] inverseOfPositiveDefinite(double[] matrix, int n) {
        for (double v : matrix) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        return choleskyInverse(symmetric(matrix, n), n, 0);
    }

    private static double[][] symmetric(double[] matrix, int n) {
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                out[i][j] = 0.5 * (matrix[i * n + j] + matrix[j * n + i]);
                out[j][i] = out[i][j];
            }
        }
        return out;
    }

    private static double[] choleskyInverse(double[][] a, int n, double ridge) {
        Array2DRowRealMatrix m = new Array2DRowRealMatrix(a, true);
        for (int i = 0; i < n; i++) {
            m.addToEntry(i, i, ridge);
        }
        try {
            RealMatrix inv = new CholeskyDecomposition(m, 1e-14, 1e-14).getSolver().getInverse();
            double[] out = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    out[i * n + j] = inv.getEntry(i, j);
                }
            }
            return out;
        } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
            return null;
        }
    }

    int evaluations() {
        return evaluations;
    }
}
