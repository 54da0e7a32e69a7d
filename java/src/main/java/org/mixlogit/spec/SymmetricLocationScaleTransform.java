package org.mixlogit.spec;

/**
 * The location-scale families of a variate e symmetric about zero (normal, triangular, uniform): beta = m + s e
 * has mean and median m, so fixing m at zero gives an error component with mean zero, and s and -s give the same
 * distribution, so the sign of s is not identified. A subclass gives the variate's map from the normal node, its
 * quantiles, its density and the standard deviation of beta.
 */
abstract class SymmetricLocationScaleTransform extends LocationScaleTransform {
    SymmetricLocationScaleTransform(String code, String label, String scalePrefix) {
        super(code, label, scalePrefix);
    }

    @Override
    final double standardMean() {
        return 0;
    }

    /** -Q(p), the mirror of the p-quantile. */
    @Override
    double standardUpperQuantile(double p) {
        return -standardQuantile(p);
    }

    @Override
    public final double mean(double location, double scale) {
        return location;
    }

    @Override
    public final boolean scaleSignIdentified() {
        return false;
    }

    @Override
    public final boolean mayHaveZeroMean() {
        return true;
    }
}
