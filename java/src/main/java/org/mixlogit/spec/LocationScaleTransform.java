package org.mixlogit.spec;

/**
 * The distributions that are a location-scale family of one standard variate e: beta = m + s e, linear in
 * (m, s) (d beta / d m = 1, d beta / d s = e, no curvature). A subclass gives the variate's map from the normal
 * node and the variate's own mean, standard deviation, quantiles and density; every population quantity of beta
 * follows here for either sign of s (a negative s mirrors the variate).
 */
abstract class LocationScaleTransform extends NamedTransform implements PiecewiseLinearTransform {
    LocationScaleTransform(String code, String label, String scalePrefix) {
        super(code, label, scalePrefix);
    }

    /** E e. */
    abstract double standardMean();

    /** The p-quantile of e. */
    abstract double standardQuantile(double p);

    /** The (1 - p)-quantile of e, computed without forming 1 - p. */
    abstract double standardUpperQuantile(double p);

    /** The density of e. */
    abstract double standardDensity(double e);

    @Override
    public final void apply(double location, double scale, double[] variate, int draws, double[] beta,
            double[] dLocation, double[] dScale) {
        for (int q = 0; q < draws; q++) {
            double e = variate[q];
            beta[q] = location + scale * e;
            dLocation[q] = 1.0;
            dScale[q] = e;
        }
    }

    @Override
    public double mean(double location, double scale) {
        return location + scale * standardMean();
    }

    @Override
    public final double median(double location, double scale) {
        return quantile(0.5, location, scale);
    }

    @Override
    public final double quantile(double p, double location, double scale) {
        if (scale > 0) {
            return location + scale * standardQuantile(p);
        }
        return scale < 0 ? location + scale * standardUpperQuantile(p) : location;
    }

    @Override
    public final double density(double x, double location, double scale) {
        if (scale == 0) {
            return x == location ? Double.POSITIVE_INFINITY : 0.0;
        }
        return standardDensity((x - location) / scale) / Math.abs(scale);
    }

    @Override
    public final boolean mayJoinCorrelatedBlock() {
        return variateIsNode();
    }

    @Override
    public double startLocation(double plainLogit, double scale) {
        return plainLogit;
    }
}
