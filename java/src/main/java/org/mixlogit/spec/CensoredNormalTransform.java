package org.mixlogit.spec;

import org.mixlogit.math.NormalQuantile;

/**
 * beta = max(0, u), u = m + s z: a normal whose negative mass piles up at exactly zero (probability
 * Phi(-m/|s|)). Mean m Phi(m/|s|) + |s| phi(m/|s|), median max(0, m), p-quantile max(0, m + |s| Phi^-1(p)) (zero
 * for every p up to the mass at zero); the sign of s is not identified. Piecewise linear in (m, s). A function of
 * the underlying normal u, so it may join a correlated block, where u is reported as uncensored(x).
 */
final class CensoredNormalTransform extends UnderlyingNormalTransform implements PiecewiseLinearTransform {
    CensoredNormalTransform() {
        super("cn", "censored normal at zero");
    }

    @Override
    double ofUnderlying(double u) {
        return Math.max(0, u);
    }

    @Override
    public void apply(double location, double scale, double[] variate, int draws, double[] beta,
            double[] dLocation, double[] dScale) {
        for (int q = 0; q < draws; q++) {
            double e = variate[q];
            double u = location + scale * e;
            boolean positive = u > 0;
            beta[q] = positive ? u : 0.0;
            dLocation[q] = positive ? 1.0 : 0.0;
            dScale[q] = positive ? e : 0.0;
        }
    }

    @Override
    public double mean(double location, double scale) {
        double a = Math.abs(scale);
        return a == 0 ? Math.max(0, location)
                : location * NormalQuantile.cdf(location / a) + a * NormalQuantile.density(location / a);
    }

    @Override
    public double standardDeviation(double location, double scale) {
        double a = Math.abs(scale);
        if (a == 0) {
            return 0;
        }
        double c = location / a;
        double mean = mean(location, scale);
        double second = (location * location + a * a) * NormalQuantile.cdf(c)
                + location * a * NormalQuantile.density(c);
        return Math.sqrt(Math.max(0, second - mean * mean));
    }

    /** Phi(-m/|s|): the negative mass piled up at zero. */
    @Override
    public double massAtZero(double location, double scale) {
        double a = Math.abs(scale);
        if (a == 0) {
            return location > 0 ? 0.0 : 1.0;
        }
        return NormalQuantile.cdf(-location / a);
    }

    /** The density of the continuous part on x &gt; 0; the atom at zero has no density. */
    @Override
    public double density(double x, double location, double scale) {
        if (!(x > 0)) {
            return 0.0;
        }
        double a = Math.abs(scale);
        if (a == 0) {
            return x == location ? Double.POSITIVE_INFINITY : 0.0;
        }
        return NormalQuantile.density((x - location) / a) / a;
    }

    @Override
    public boolean mayHaveZeroMean() {
        return false;
    }

    @Override
    public String underlyingName(String attribute) {
        return "uncensored(" + attribute + ")";
    }

    @Override
    public double startLocation(double plainLogit, double scale) {
        return plainLogit;
    }
}
