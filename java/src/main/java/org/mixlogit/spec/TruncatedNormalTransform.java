package org.mixlogit.spec;

import org.mixlogit.math.NormalQuantile;

/**
 * beta ~ N(m, s^2) conditioned on beta &gt; 0 (no mass at zero), drawn by the inverse distribution function from
 * the upper tail: with the variate e = Phi(-z) and c = m / a, a = |s|, beta = m + a z* where
 * z* = -Phi^-1(e Phi(c)). Below c = {@value FarLeftNormal#THRESHOLD}, where Phi(c) underflows, the far-left series
 * of {@link FarLeftNormal} takes over. Mean m + a phi(c) / Phi(c); the sign of s is not identified. beta depends on
 * m and s through Phi(c) as well, so there are no analytic second derivatives here: Hessians of models with a
 * truncated normal coefficient come from finite differences of the analytic gradient.
 */
final class TruncatedNormalTransform extends NamedTransform {
    TruncatedNormalTransform() {
        super("tn", "truncated normal at zero", "sd");
    }

    /** The upper tail probability Phi(-z). */
    @Override
    public double variate(double z) {
        return NormalQuantile.cdf(-z);
    }

    @Override
    public boolean variateIsNode() {
        return false;
    }

    @Override
    public String undefinedAt(double location, double scale) {
        return scale == 0 && !(location > 0) ? "its scale is 0 and its location " + location + " is not positive, so"
                + " it has no positive mass; start from a positive scale" : null;
    }

    @Override
    public void apply(double location, double scale, double[] variate, int draws, double[] beta,
            double[] dLocation, double[] dScale) {
        double a = Math.abs(scale);
        if (a == 0) {
            for (int q = 0; q < draws; q++) {
                beta[q] = location;
                dLocation[q] = 1.0;
                dScale[q] = 0.0;
            }
            return;
        }
        double c = location / a;
        if (c < FarLeftNormal.THRESHOLD) {
            farLeft(location, scale, variate, draws, beta, dLocation, dScale);
            return;
        }
        double cdf = NormalQuantile.cdf(c);
        double density = NormalQuantile.density(c);
        for (int q = 0; q < draws; q++) {
            double upperTail = variate[q];
            double zStar = -NormalQuantile.quantile(upperTail * cdf);
            beta[q] = location + a * zStar;
            double ratio = upperTail * density / NormalQuantile.density(zStar);
            dLocation[q] = 1.0 - ratio;
            double dA = zStar + ratio * location / a;
            dScale[q] = scale >= 0 ? dA : -dA;
        }
    }

    /**
     * The draws when c = m / a is below the threshold: x with Phi(x) = e Phi(c) from the far-left series,
     * z* = -x, beta = a (c - x), and the density ratio e phi(c) / phi(z*) from logarithms.
     */
    private static void farLeft(double location, double scale, double[] variate, int draws, double[] beta,
            double[] dLocation, double[] dScale) {
        double a = Math.abs(scale);
        double c = location / a;
        for (int q = 0; q < draws; q++) {
            double upperTail = variate[q];
            double x = FarLeftNormal.quantileOfScaledCdf(upperTail, c);
            beta[q] = a * (c - x);
            double ratio = Math.exp(Math.log(upperTail) - 0.5 * (c - x) * (c + x));
            dLocation[q] = 1.0 - ratio;
            double dA = -x + ratio * location / a;
            dScale[q] = scale >= 0 ? dA : -dA;
        }
    }

    @Override
    public boolean isPiecewiseLinear() {
        return false;
    }

    @Override
    public boolean hasSecondDerivatives() {
        return false;
    }

    @Override
    public void secondDerivatives(double location, double scale, double[] variate, double[] beta, int draws,
            double[] dLocationLocation, double[] dLocationScale, double[] dScaleScale) {
        throw new UnsupportedOperationException("The truncated normal has no analytic second derivatives here:"
                + " use finite differences of the analytic gradient.");
    }

    @Override
    public double mean(double location, double scale) {
        double a = Math.abs(scale);
        if (a > 0 && location / a < FarLeftNormal.THRESHOLD) {
            return a * FarLeftNormal.truncatedMeanOverScale(location / a);
        }
        return a == 0 ? location
                : location + a * NormalQuantile.density(location / a) / NormalQuantile.cdf(location / a);
    }

    @Override
    public double median(double location, double scale) {
        return quantile(0.5, location, scale);
    }

    @Override
    public double standardDeviation(double location, double scale) {
        double a = Math.abs(scale);
        if (a == 0) {
            return 0;
        }
        double c = location / a;
        if (c < FarLeftNormal.THRESHOLD) {
            return a * FarLeftNormal.truncatedSdOverScale(c);
        }
        double lambda = NormalQuantile.density(c) / NormalQuantile.cdf(c);
        return a * Math.sqrt(Math.max(0, 1 - lambda * (lambda + c)));
    }

    /**
     * m - a Phi^-1((1 - p) Phi(c)), from the upper tail (1 - Phi(c) p would round to 1 once Phi(c) &lt; 2e-16), or
     * from the far-left series below the threshold.
     */
    @Override
    public double quantile(double p, double location, double scale) {
        double a = Math.abs(scale);
        if (a == 0) {
            return location;
        }
        double c = location / a;
        if (c < FarLeftNormal.THRESHOLD) {
            return a * (c - FarLeftNormal.quantileOfScaledCdf(1 - p, c));
        }
        return location - a * NormalQuantile.quantile((1 - p) * NormalQuantile.cdf(c));
    }

    @Override
    public double density(double x, double location, double scale) {
        if (!(x > 0)) {
            return 0.0;
        }
        double a = Math.abs(scale);
        if (a == 0) {
            return x == location ? Double.POSITIVE_INFINITY : 0.0;
        }
        double c = location / a;
        double y = (x - location) / a;
        if (c < FarLeftNormal.THRESHOLD) {
            return Math.exp(-0.5 * y * y - 0.5 * Math.log(2 * Math.PI) - Math.log(a) - FarLeftNormal.logCdf(c));
        }
        return NormalQuantile.density(y) / (a * NormalQuantile.cdf(c));
    }

    @Override
    public boolean scaleSignIdentified() {
        return false;
    }

    @Override
    public boolean mayJoinCorrelatedBlock() {
        return false;
    }

    @Override
    public boolean mayHaveZeroMean() {
        return false;
    }

    @Override
    public double startLocation(double plainLogit, double scale) {
        return plainLogit;
    }
}
