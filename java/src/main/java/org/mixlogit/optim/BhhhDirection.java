package org.mixlogit.optim;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;

/**
 * BHHH: the direction solves (sum_n s_n s_n') d = -g with the per-observation gradients s_n at x, by Cholesky;
 * a small ridge is added when the outer product is numerically singular.
 */
final class BhhhDirection implements SearchDirection {
    private final ScoredObjective objective;
    private final int n;
    private final double[] scores;
    private final double[] gradient;
    private int evaluations;

    BhhhDirection(ScoredObjective objective) {
        this.objective = objective;
        this.n = objective.dimension();
        this.scores = new double[objective.observations() * n];
        this.gradient = new double[n];
    }

    @Override
    public void reset() {
        // no memory: every direction uses the scores at the current point
    }

    @Override
    public boolean isFresh() {
        return true;
    }

    @Override
    public double[] direction(double[] x, double[] g) {
        objective.valueGradientAndScores(x, gradient, scores);
        evaluations++;
        int obs = objective.observations();
        double[][] outer = new double[n][n];
        for (int o = 0; o < obs; o++) {
            int off = o * n;
            for (int i = 0; i < n; i++) {
                double si = scores[off + i];
                for (int j = 0; j <= i; j++) {
                    outer[i][j] += si * scores[off + j];
                }
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
        for (int attempt = 0; attempt < 12; attempt++) {
            try {
                Array2DRowRealMatrix a = new Array2DRowRealMatrix(outer, true);
                for (int i = 0; i < n; i++) {
                    a.addToEntry(i, i, ridge);
                }
                double[] d = new CholeskyDecomposition(a, 1e-14, 1e-14).getSolver()
                        .solve(new ArrayRealVector(g, true)).toArray();
                for (int i = 0; i < n; i++) {
                    d[i] = -d[i];
                }
                return d;
            } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.SingularMatrixException
                    | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
                ridge = ridge == 0 ? 1e-10 * Math.max(maxDiagonal, 1e-300) : ridge * 10;
            }
        }
        double[] d = g.clone();
        for (int i = 0; i < n; i++) {
            d[i] = -d[i];
        }
        return d;
    }

    @Override
    public void update(double[] s, double[] y) {
        // BHHH needs no curvature pairs
    }

    @Override
    public int evaluations() {
        return evaluations;
    }
}
