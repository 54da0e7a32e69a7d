package org.mixlogit.msm;

import org.mixlogit.optim.Objective;

/**
 * The GMM criterion Q(theta) = c g(theta)' W g(theta) with its exact gradient 2 c G' W g, for the quasi-Newton
 * minimizers. The constant c puts Q on the scale of a chi-squared statistic: c = 1 with the efficient weighting
 * W = Var(g)^-1 (then Q at the optimum is Hansen's J), c = sum of weights with identity or user weights. A
 * simulated probability that is not finite makes Q NaN (a rejected step).
 */
public final class GmmObjective implements Objective {
    private final SimulatedMoments moments;
    private final double[] weighting;
    private final double scale;
    private final int l;
    private final int p;
    private final double[] wg;

    /**
     * @param weighting Not modified (copied): L x L symmetric positive definite weighting matrix W
     * @param scale the constant c
     */
    public GmmObjective(SimulatedMoments moments, double[] weighting, double scale) {
        this.moments = moments;
        this.l = moments.instrumentCount();
        this.p = moments.parameterCount();
        if (weighting.length != l * l) {
            throw new IllegalArgumentException("The weighting matrix has " + weighting.length + " entries; "
                    + l + " x " + l + " expected");
        }
        this.weighting = weighting.clone();
        this.scale = scale;
        this.wg = new double[l];
    }

    @Override
    public int dimension() {
        return p;
    }

    @Override
    public double value(double[] x) {
        if (!moments.evaluate(x, false)) {
            return Double.NaN;
        }
        return quadraticForm();
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        if (!moments.evaluate(x, true)) {
            java.util.Arrays.fill(gradient, Double.NaN);
            return Double.NaN;
        }
        double q = quadraticForm();
        double[] bigG = moments.jacobianRef();
        java.util.Arrays.fill(gradient, 0.0);
        for (int c = 0; c < l; c++) {
            double f = 2 * scale * wg[c];
            for (int k = 0; k < p; k++) {
                gradient[k] += f * bigG[c * p + k];
            }
        }
        return q;
    }

    /** c g'Wg, leaving Wg in {@code wg}. */
    private double quadraticForm() {
        double[] g = moments.momentsRef();
        double q = 0;
        for (int a = 0; a < l; a++) {
            double acc = 0;
            for (int b = 0; b < l; b++) {
                acc += weighting[a * l + b] * g[b];
            }
            wg[a] = acc;
            q += g[a] * acc;
        }
        return scale * q;
    }

    /** The weighting matrix W (a copy). */
    public double[] weighting() {
        return weighting.clone();
    }

    public double scale() {
        return scale;
    }

    public SimulatedMoments moments() {
        return moments;
    }
}
