package org.mixlogit.spec;

import org.mixlogit.math.NormalQuantile;

/**
 * beta = exp(u), u = m + s z: m and s are the mean and standard deviation of log(beta), so the coefficient is
 * positive (a coefficient expected negative needs its variable sign-reversed). Median exp(m), mean
 * exp(m + s^2/2), variance (exp(s^2) - 1) exp(2m + s^2); the sign of s is not identified. A function of the
 * underlying normal u, so it may join a correlated block, where its underlying normal is reported as log(x).
 */
final class LognormalTransform extends UnderlyingNormalTransform {
    LognormalTransform() {
        super("ln", "lognormal");
    }

    @Override
    double ofUnderlying(double u) {
        return Math.exp(u);
    }

    @Override
    public void apply(double location, double scale, double[] variate, int draws, double[] beta,
            double[] dLocation, double[] dScale) {
        for (int q = 0; q < draws; q++) {
            double e = variate[q];
            double b = Math.exp(location + scale * e);
            beta[q] = b;
            dLocation[q] = b;
            dScale[q] = b * e;
        }
    }

    @Override
    public boolean isPiecewiseLinear() {
        return false;
    }

    /** f'' = f: d2 beta / d m2 = beta, d2 beta / d m d s = beta e, d2 beta / d s2 = beta e^2. */
    @Override
    public void secondDerivatives(double location, double scale, double[] variate, double[] beta, int draws,
            double[] dLocationLocation, double[] dLocationScale, double[] dScaleScale) {
        for (int q = 0; q < draws; q++) {
            double b = beta[q];
            double be = b * variate[q];
            dLocationLocation[q] = b;
            dLocationScale[q] = be;
            dScaleScale[q] = be * variate[q];
        }
    }

    @Override
    public double mean(double location, double scale) {
        return Math.exp(location + 0.5 * scale * scale);
    }

    @Override
    public double standardDeviation(double location, double scale) {
        return Math.sqrt(Math.expm1(scale * scale)) * Math.exp(location + 0.5 * scale * scale);
    }

    @Override
    public double density(double x, double location, double scale) {
        if (!(x > 0)) {
            return 0.0;
        }
        double a = Math.abs(scale);
        if (a == 0) {
            return x == Math.exp(location) ? Double.POSITIVE_INFINITY : 0.0;
        }
        return NormalQuantile.density((Math.log(x) - location) / a) / (a * x);
    }

    @Override
    public boolean mayHaveZeroMean() {
        return false;
    }

    @Override
    public String underlyingName(String attribute) {
        return "log(" + attribute + ")";
    }

    /** log(b), or log(0.01) when b is not positive (reverse the variable's sign if beta is expected negative). */
    @Override
    public double startLocation(double plainLogit, double scale) {
        return Math.log(plainLogit > 0 ? plainLogit : 0.01);
    }
}
