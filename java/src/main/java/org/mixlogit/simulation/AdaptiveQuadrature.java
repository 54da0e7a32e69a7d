package org.mixlogit.simulation;

import java.util.Locale;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.NumericalFailureException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.GaussHermiteRule;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.integration.IntegrationRule;
import org.mixlogit.integration.NodeCursor;
import org.mixlogit.integration.PerDecisionMakerNodes;
import org.mixlogit.spec.ModelSpec;

/**
 * Adaptive Gauss-Hermite quadrature (Liu and Pierce 1994; Naylor and Smith 1982) for models whose random
 * coefficients are normal: beta_n(b) = mu_n + A b with b standard normal. For each decision-maker the integrand
 * h(b) = sum_t log P_nt(beta_n(b)) - |b|^2 / 2 is strictly concave, so Newton's method finds its mode b_n; with
 * C_n the lower Cholesky factor of the inverse of -h''(b_n), the nodes are b_nr = b_n + C_n u_r and the weights
 * w_r |C_n| phi(b_nr) / phi(u_r), with (u_r, w_r) the Gauss-Hermite product rule. The nodes depend on the
 * parameters at which they were centred and are then held fixed, so the likelihood's analytic gradient is exact
 * for the objective being maximised; re-centre at the new estimate until the log-likelihood stops changing.
 */
public final class AdaptiveQuadrature {
    private static final int MAX_NEWTON = 100;

    private AdaptiveQuadrature() {
    }

    /**
     * Nodes centred at every decision-maker's posterior mode at {@code theta}.
     *
     * @param points Gauss-Hermite points per dimension
     * @param theta Not modified: the parameters at which to centre
     */
    public static IntegrationRule rule(ChoiceData data, ModelSpec spec, double[] theta, int points) {
        ModelDesign m = new ModelDesign(data, spec);
        for (int i = 0; i < m.k; i++) {
            if (m.distribution[i].isRandom() && !m.distribution[i].transform().isGaussian()) {
                throw new InvalidSpecificationException("Adaptive quadrature needs normal random coefficients;"
                        + " '" + spec.coefficients().get(i).attribute() + "' is " + m.distribution[i].label()
                        + ". Use Gauss-Hermite, a sparse grid or draws.");
            }
        }
        if (m.d == 0) {
            throw new InvalidSpecificationException("Adaptive quadrature needs at least one random coefficient.");
        }
        GaussHermiteRule base = new GaussHermiteRule(IntegrationConfig.of(DrawType.GAUSS_HERMITE, points), m.d);
        int r = base.nodeCount();
        int d = m.d;
        double[] u = new double[r * d];
        double[] w = new double[r];
        NodeCursor cursor = base.newCursor();
        cursor.fill(0, u, w);
        int people = data.decisionMakerCount();
        double[] nodes = new double[people * r * d];
        double[] weights = new double[people * r];
        ModeFinder finder = new ModeFinder(m, theta);
        for (int n = 0; n < people; n++) {
            double[][] mode = finder.mode(n);
            double[] center = mode[0];
            double[] chol = mode[1];
            double logDet = 0;
            for (int a = 0; a < d; a++) {
                logDet += Math.log(chol[a * d + a]);
            }
            for (int q = 0; q < r; q++) {
                double norm = 0;
                double normU = 0;
                for (int a = 0; a < d; a++) {
                    double b = center[a];
                    for (int c = 0; c <= a; c++) {
                        b += chol[a * d + c] * u[q * d + c];
                    }
                    nodes[(n * r + q) * d + a] = b;
                    norm += b * b;
                    normU += u[q * d + a] * u[q * d + a];
                }
                weights[n * r + q] = w[q] * Math.exp(logDet - 0.5 * norm + 0.5 * normU);
            }
        }
        return new PerDecisionMakerNodes(data.decisionMakerOrdinal(0), d, r, nodes, weights, String.format(Locale.ROOT,
                "adaptive gh, %d points per dimension, %d nodes per decision-maker", points, r));
    }

    /** Newton's method on h(b) for one decision-maker at a time; scratch owned, not thread-safe. */
    private static final class ModeFinder {
        private final ModelDesign m;
        private final double[] theta;
        private final int k;
        private final int d;
        private final double[][] a;
        private final double[] mu;
        private final double[] beta;
        private final double[] utility;

        ModeFinder(ModelDesign design, double[] theta) {
            this.m = design;
            this.theta = theta.clone();
            this.k = design.k;
            this.d = design.d;
            this.a = new double[k][d];
            this.mu = new double[k];
            this.beta = new double[k];
            this.utility = new double[Math.max(2, design.data.maxAlternatives())];
            int b = design.blockMembers.length;
            for (int i = 0; i < k; i++) {
                if (design.dimension[i] < 0) {
                    continue;
                }
                int pos = design.blockPosition[i];
                if (pos < 0) {
                    a[i][design.dimension[i]] = theta[design.scaleIndex[i]];
                } else {
                    for (int c = 0; c <= pos; c++) {
                        a[i][design.dimension[design.blockMembers[c]]] = theta[design.choleskyIndex[pos * b + c]];
                    }
                }
            }
        }

        /** {mode b_n, lower Cholesky factor of (-h'')^-1, row-major d x d}. */
        double[][] mode(int n) {
            double[] chars = m.data.characteristicsRef();
            int cc = m.data.characteristicCount();
            for (int i = 0; i < k; i++) {
                double loc = m.meanIndex[i] >= 0 ? theta[m.meanIndex[i]] : 0.0;
                int[] cols = m.heterogeneityColumns[i];
                for (int h = 0; h < cols.length; h++) {
                    loc += theta[m.heterogeneityStart[i] + h] * chars[n * cc + cols[h]];
                }
                mu[i] = loc;
            }
            double[] b = new double[d];
            double[][] negHessian = new double[d][d];
            double[] gradient = new double[d];
            double value = evaluate(n, b, gradient, negHessian);
            for (int iteration = 0; iteration < MAX_NEWTON; iteration++) {
                double[] step = new CholeskyDecomposition(new Array2DRowRealMatrix(negHessian), 1e-14, 1e-14)
                        .getSolver().solve(new org.apache.commons.math3.linear.ArrayRealVector(gradient)).toArray();
                double size = 0;
                for (double s : step) {
                    size = Math.max(size, Math.abs(s));
                }
                double t = 1.0;
                double[] trial = new double[d];
                double trialValue;
                double[] trialGradient = new double[d];
                double[][] trialHessian = new double[d][d];
                do {
                    for (int j = 0; j < d; j++) {
                        trial[j] = b[j] + t * step[j];
                    }
                    trialValue = evaluate(n, trial, trialGradient, trialHessian);
                    t *= 0.5;
                } while (!(trialValue >= value - 1e-12 * Math.abs(value)) && t > 1e-10);
                b = trial;
                value = trialValue;
                gradient = trialGradient;
                negHessian = trialHessian;
                if (size < 1e-10) {
                    break;
                }
            }
            if (!Double.isFinite(value)) {
                throw new NumericalFailureException("Adaptive quadrature: no posterior mode for decision-maker "
                        + m.data.decisionMakerId(n) + " (log-density " + value + "); use Gauss-Hermite or draws.");
            }
            RealMatrix inverse = new CholeskyDecomposition(new Array2DRowRealMatrix(negHessian), 1e-14, 1e-14)
                    .getSolver().getInverse();
            RealMatrix symmetric = inverse.add(inverse.transpose()).scalarMultiply(0.5);
            RealMatrix lower = new CholeskyDecomposition(symmetric, 1e-12, 1e-14).getL();
            double[] chol = new double[d * d];
            for (int x = 0; x < d; x++) {
                for (int y = 0; y <= x; y++) {
                    chol[x * d + y] = lower.getEntry(x, y);
                }
            }
            return new double[][] {b, chol};
        }

        /** h(b); gradient and -h''(b) into the arrays. */
        private double evaluate(int n, double[] b, double[] gradient, double[][] negHessian) {
            for (int i = 0; i < k; i++) {
                double v = mu[i];
                for (int j = 0; j < d; j++) {
                    v += a[i][j] * b[j];
                }
                beta[i] = v;
            }
            double[] gBeta = new double[k];
            double[][] hBeta = new double[k][k];
            double value = 0;
            int[] start = m.data.situationStartRef();
            int[] dmStart = m.data.decisionMakerStartRef();
            int[] chosen = m.data.chosenRowRef();
            double[] x = m.x;
            double[] mean = new double[k];
            for (int t = dmStart[n]; t < dmStart[n + 1]; t++) {
                int first = start[t];
                int end = start[t + 1];
                double max = PosteriorMode.utilities(x, k, beta, first, end, utility);
                double den = 0;
                for (int j = 0; j < end - first; j++) {
                    den += Math.exp(utility[j] - max);
                }
                value += utility[chosen[t] - first] - max - Math.log(den);
                java.util.Arrays.fill(mean, 0.0);
                for (int row = first; row < end; row++) {
                    double p = Math.exp(utility[row - first] - max) / den;
                    for (int i = 0; i < k; i++) {
                        mean[i] += p * x[row * k + i];
                    }
                }
                for (int i = 0; i < k; i++) {
                    gBeta[i] += x[chosen[t] * k + i] - mean[i];
                }
                for (int row = first; row < end; row++) {
                    double p = Math.exp(utility[row - first] - max) / den;
                    for (int i = 0; i < k; i++) {
                        double di = x[row * k + i] - mean[i];
                        for (int j = 0; j < k; j++) {
                            hBeta[i][j] += p * di * (x[row * k + j] - mean[j]);
                        }
                    }
                }
            }
            double normB = 0;
            for (int j = 0; j < d; j++) {
                normB += b[j] * b[j];
                double g = -b[j];
                for (int i = 0; i < k; i++) {
                    g += a[i][j] * gBeta[i];
                }
                gradient[j] = g;
                for (int l = 0; l < d; l++) {
                    double h = j == l ? 1.0 : 0.0;
                    for (int i = 0; i < k; i++) {
                        if (a[i][j] == 0) {
                            continue;
                        }
                        for (int i2 = 0; i2 < k; i2++) {
                            h += a[i][j] * hBeta[i][i2] * a[i2][l];
                        }
                    }
                    negHessian[j][l] = h;
                }
            }
            for (int j = 0; j < d; j++) {
                for (int l = 0; l < j; l++) {
                    double avg = 0.5 * (negHessian[j][l] + negHessian[l][j]);
                    negHessian[j][l] = avg;
                    negHessian[l][j] = avg;
                }
            }
            return value - 0.5 * normB;
        }
    }
}
