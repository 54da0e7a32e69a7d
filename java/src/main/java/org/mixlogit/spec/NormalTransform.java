package org.mixlogit.spec;

import org.mixlogit.math.NormalQuantile;

/** beta = m + s z, z ~ N(0, 1): mean m, median m, standard deviation |s|; the sign of s is not identified. */
final class NormalTransform extends LocationScaleTransform {
    NormalTransform() {
        super("n", "normal", "sd");
    }

    @Override
    public boolean isGaussian() {
        return true;
    }

    @Override
    public double variate(double z) {
        return z;
    }

    @Override
    public boolean variateIsNode() {
        return true;
    }

    @Override
    double standardMean() {
        return 0;
    }

    @Override
    double standardQuantile(double p) {
        return NormalQuantile.quantile(p);
    }

    @Override
    double standardUpperQuantile(double p) {
        return -NormalQuantile.quantile(p);
    }

    @Override
    double standardDensity(double e) {
        return NormalQuantile.density(e);
    }

    @Override
    public double mean(double location, double scale) {
        return location;
    }

    @Override
    public double standardDeviation(double location, double scale) {
        return Math.abs(scale);
    }

    @Override
    public boolean scaleSignIdentified() {
        return false;
    }

    @Override
    public boolean mayHaveZeroMean() {
        return true;
    }
}
