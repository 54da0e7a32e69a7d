package org.mixlogit.spec;

import org.mixlogit.math.NormalQuantile;

/**
 * beta = m + s z, z ~ N(0, 1): mean m, median m, standard deviation |s|; the sign of s is not identified. It is the
 * identity of its underlying normal, so it may join a correlated block (its variate is the node).
 */
final class NormalTransform extends SymmetricLocationScaleTransform {
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
    double standardQuantile(double p) {
        return NormalQuantile.quantile(p);
    }

    @Override
    double standardDensity(double e) {
        return NormalQuantile.density(e);
    }

    @Override
    public double standardDeviation(double location, double scale) {
        return Math.abs(scale);
    }
}
