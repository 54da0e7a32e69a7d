package org.mixlogit.latent;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealVector;

/**
 * The Newton direction of a concave maximization: d solving (-H + lambda I) d = g with the smallest ridge lambda
 * (0, then growing from 1e-8 times the largest diagonal) that makes the matrix positive definite, so a flat or
 * indefinite direction (a class share tending to zero) still gives an ascent direction.
 */
final class NewtonStep {
    private NewtonStep() {
    }

    /**
     * @param hessian Not modified: P x P row-major
     * @param gradient Not modified
     * @return the direction (a new array)
     */
    static double[] direction(double[] hessian, double[] gradient) {
        int p = gradient.length;
        double scale = 0;
        for (int i = 0; i < p; i++) {
            scale = Math.max(scale, Math.abs(hessian[i * p + i]));
        }
        double ridge = 0;
        for (int attempt = 0; attempt < 40; attempt++) {
            double[][] m = new double[p][p];
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    m[i][j] = -hessian[i * p + j];
                }
                m[i][i] += ridge;
            }
            try {
                CholeskyDecomposition chol = new CholeskyDecomposition(new Array2DRowRealMatrix(m, false), 1e-12,
                        1e-14);
                RealVector d = chol.getSolver().solve(new ArrayRealVector(gradient, false));
                return d.toArray();
            } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
                ridge = ridge == 0 ? 1e-8 * Math.max(scale, 1e-12) : ridge * 10;
            }
        }
        return gradient.clone();
    }
}
