package org.mixlogit.estimation;

import org.mixlogit.simulation.LikelihoodEvaluator;

/** Hessian of the log-likelihood by central differences of the analytic gradient, symmetrised. */
final class NumericalHessian {
    private NumericalHessian() {
    }

    static double[] of(LikelihoodEvaluator ll, double[] theta) {
        int p = theta.length;
        double[] h = new double[p * p];
        double[] plus = new double[p];
        double[] minus = new double[p];
        for (int j = 0; j < p; j++) {
            double step = 1e-5 * Math.max(Math.abs(theta[j]), 1.0);
            double[] x = theta.clone();
            x[j] = theta[j] + step;
            ll.valueAndGradient(x, plus);
            x[j] = theta[j] - step;
            ll.valueAndGradient(x, minus);
            for (int i = 0; i < p; i++) {
                h[i * p + j] = (plus[i] - minus[i]) / (2 * step);
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (h[i * p + j] + h[j * p + i]);
                h[i * p + j] = m;
                h[j * p + i] = m;
            }
        }
        return h;
    }
}
