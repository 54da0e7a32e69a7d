package org.mixlogit.bridge;

import org.mixlogit.spec.CoefficientTransform;
import org.mixlogit.spec.Distribution;

/**
 * The population distribution of one random coefficient in numbers, as mlogit's {@code summary(rpar(...))} gives
 * them and more: min, 25% quantile, median, mean, 75% quantile, max, standard deviation, and the shares of the
 * population below zero, at zero (the censored normal's atom) and above zero. From the engine's own
 * parameterisation ({@link CoefficientTransform}); the front end differentiates it for standard errors.
 */
final class DistributionSummary {
    /** The names of {@link #of}'s values, in order. */
    static final String[] NAMES = {"min", "q25", "median", "mean", "q75", "max", "sd", "below0", "at0", "above0"};

    /** A quantile level close enough to 0 that the lower end of the support is reached. */
    private static final double FAR = 1e-300;

    private DistributionSummary() {
    }

    /**
     * @param code a random distribution's code ("n", "ln", ...)
     * @param location m (with heterogeneity evaluated)
     * @param scale s (for a member of the correlated block, the sd of its underlying normal)
     */
    static double[] of(String code, double location, double scale) {
        Distribution d = Distribution.fromCode(code);
        CoefficientTransform t = d.transform();
        double[] support = support(d, location, scale);
        double below = boundary(t, location, scale);
        double atom = t.massAtZero(location, scale);
        return new double[] {support[0], t.quantile(0.25, location, scale), t.median(location, scale),
            t.mean(location, scale), t.quantile(0.75, location, scale), support[1],
            t.standardDeviation(location, scale), below, atom, Math.max(0.0, 1.0 - below - atom)};
    }

    /**
     * The ends of the support of beta, from each distribution's definition (see {@link Distribution}); a
     * distribution added later without an entry here has NaN ends.
     */
    static double[] support(Distribution d, double m, double s) {
        double inf = Double.POSITIVE_INFINITY;
        switch (d) {
            case FIXED:
                return new double[] {m, m};
            case NORMAL:
                return new double[] {-inf, inf};
            case LOGNORMAL:
            case CENSORED_NORMAL:
            case TRUNCATED_NORMAL:
                return new double[] {0.0, inf};
            case TRIANGULAR:
            case UNIFORM:
                return new double[] {m - Math.abs(s), m + Math.abs(s)};
            case EXPONENTIAL:
                return s >= 0 ? new double[] {m, inf} : new double[] {-inf, m};
            default:
                return new double[] {Double.NaN, Double.NaN};
        }
    }

    /**
     * P(beta &lt; 0): the level where the quantile function (the smallest x with P(beta &lt;= x) &gt;= p,
     * non-decreasing in p) turns non-negative, by bisection.
     */
    private static double boundary(CoefficientTransform t, double location, double scale) {
        if (t.quantile(FAR, location, scale) >= 0) {
            return 0.0;
        }
        if (t.quantile(Math.nextDown(1.0), location, scale) < 0) {
            return 1.0;
        }
        double lo = 0.0;
        double hi = 1.0;
        for (int i = 0; i < 200 && hi - lo > 1e-17; i++) {
            double p = 0.5 * (lo + hi);
            if (p <= lo || p >= hi) {
                break;
            }
            if (t.quantile(p, location, scale) < 0) {
                lo = p;
            } else {
                hi = p;
            }
        }
        return 0.5 * (lo + hi);
    }
}
