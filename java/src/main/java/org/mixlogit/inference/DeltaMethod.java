package org.mixlogit.inference;

import java.util.function.Function;

/**
 * Delta-method covariance of g(theta): J V J' with the Jacobian J of g by central differences
 * (step 1e-6 max(|theta_j|, 1)); g is a smooth closed-form function of the parameters.
 */
public final class DeltaMethod {
    private DeltaMethod() {
    }

    /**
     * @param g the derived quantities as a function of the parameters
     * @param theta Not modified: the estimate
     * @param covariance Not modified: P x P covariance of theta, row-major
     * @return the m x m covariance of g(theta), row-major
     */
    public static double[] covariance(Function<double[], double[]> g, double[] theta, double[] covariance) {
        int p = theta.length;
        int m = g.apply(theta).length;
        double[] jacobian = new double[m * p];
        for (int j = 0; j < p; j++) {
            double h = 1e-6 * Math.max(Math.abs(theta[j]), 1.0);
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[j] += h;
            minus[j] -= h;
            double[] gp = g.apply(plus);
            double[] gm = g.apply(minus);
            for (int i = 0; i < m; i++) {
                jacobian[i * p + j] = (gp[i] - gm[i]) / (2 * h);
            }
        }
        double[] out = new double[m * m];
        double[] jv = new double[m * p];
        for (int i = 0; i < m; i++) {
            for (int b = 0; b < p; b++) {
                double s = 0;
                for (int a = 0; a < p; a++) {
                    s += jacobian[i * p + a] * covariance[a * p + b];
                }
                jv[i * p + b] = s;
            }
        }
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < m; k++) {
                double s = 0;
                for (int b = 0; b < p; b++) {
                    s += jv[i * p + b] * jacobian[k * p + b];
                }
                out[i * m + k] = s;
            }
        }
        return out;
    }
}
