package org.mixlogit.optim;

import java.util.Random;

/** Standard minimization problems with known minima. */
final class TestProblems {
    private TestProblems() {
    }

    /** Extended Rosenbrock: sum of 100 (x_{2i} - x_{2i-1}^2)^2 + (1 - x_{2i-1})^2 over pairs; minimum 0 at all ones. */
    static Objective rosenbrock(int n) {
        return new Objective() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double value(double[] x) {
                return valueAndGradient(x, new double[n]);
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                double f = 0;
                java.util.Arrays.fill(g, 0);
                for (int i = 0; i + 1 < n; i += 2) {
                    double a = x[i + 1] - x[i] * x[i];
                    double b = 1 - x[i];
                    f += 100 * a * a + b * b;
                    g[i] += -400 * a * x[i] - 2 * b;
                    g[i + 1] += 200 * a;
                }
                return f;
            }
        };
    }

    /** f(x) = 1/2 sum_i lambda_i (x_i - i)^2 with eigenvalues spread geometrically from 1 to condition. */
    static Objective illConditionedQuadratic(int n, double condition) {
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = Math.pow(condition, i / (double) (n - 1));
        }
        return new Objective() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double value(double[] x) {
                return valueAndGradient(x, new double[n]);
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                double f = 0;
                for (int i = 0; i < n; i++) {
                    double d = x[i] - i;
                    f += 0.5 * lambda[i] * d * d;
                    g[i] = lambda[i] * d;
                }
                return f;
            }
        };
    }

    /**
     * Negative log-likelihood of a binary logit P(y=1) = 1 / (1 + exp(-x'b)) on simulated data, as a scored
     * objective (one observation per row).
     */
    static class BinaryLogit implements ScoredObjective {
        final double[][] x;
        final int[] y;

        BinaryLogit(int rows, double[] truth, long seed) {
            Random random = new Random(seed);
            x = new double[rows][truth.length];
            y = new int[rows];
            for (int r = 0; r < rows; r++) {
                double u = 0;
                for (int j = 0; j < truth.length; j++) {
                    x[r][j] = j == 0 ? 1 : random.nextGaussian();
                    u += x[r][j] * truth[j];
                }
                y[r] = random.nextDouble() < 1 / (1 + Math.exp(-u)) ? 1 : 0;
            }
        }

        @Override
        public int dimension() {
            return x[0].length;
        }

        @Override
        public double value(double[] b) {
            return valueGradientAndOuterProduct(b, new double[b.length], new double[b.length * b.length]);
        }

        @Override
        public double valueAndGradient(double[] b, double[] g) {
            return valueGradientAndOuterProduct(b, g, new double[b.length * b.length]);
        }

        @Override
        public double valueGradientAndOuterProduct(double[] b, double[] g, double[] outer) {
            int k = b.length;
            java.util.Arrays.fill(g, 0);
            java.util.Arrays.fill(outer, 0);
            double[] scores = new double[k];
            double f = 0;
            for (int r = 0; r < x.length; r++) {
                double u = 0;
                for (int j = 0; j < k; j++) {
                    u += x[r][j] * b[j];
                }
                double p = 1 / (1 + Math.exp(-u));
                f -= y[r] == 1 ? Math.log(p) : Math.log1p(-p);
                for (int j = 0; j < k; j++) {
                    double s = -(y[r] - p) * x[r][j];
                    scores[j] = s;
                    g[j] += s;
                }
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        outer[i * k + j] += scores[i] * scores[j];
                    }
                }
            }
            return f;
        }

        /** Newton's method, for the reference maximum-likelihood estimate. */
        double[] newton() {
            int k = dimension();
            double[] b = new double[k];
            for (int it = 0; it < 50; it++) {
                double[] g = new double[k];
                double[][] h = new double[k][k];
                for (int r = 0; r < x.length; r++) {
                    double u = 0;
                    for (int j = 0; j < k; j++) {
                        u += x[r][j] * b[j];
                    }
                    double p = 1 / (1 + Math.exp(-u));
                    for (int i = 0; i < k; i++) {
                        g[i] += (y[r] - p) * x[r][i];
                        for (int j = 0; j < k; j++) {
                            h[i][j] += p * (1 - p) * x[r][i] * x[r][j];
                        }
                    }
                }
                double[] step = new org.apache.commons.math3.linear.LUDecomposition(
                        new org.apache.commons.math3.linear.Array2DRowRealMatrix(h)).getSolver()
                        .solve(new org.apache.commons.math3.linear.ArrayRealVector(g)).toArray();
                for (int i = 0; i < k; i++) {
                    b[i] += step[i];
                }
            }
            return b;
        }
    }
}
