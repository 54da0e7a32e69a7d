package org.mixlogit.spec;

import org.mixlogit.math.NormalQuantile;

/**
 * beta = m + s (2p - 1), p = Phi(z) ~ U(0, 1): uniform with centre m and spread |s|, mean m, standard deviation
 * |s| / sqrt(3); the sign of s is not identified.
 */
final class UniformTransform extends SymmetricLocationScaleTransform {
    UniformTransform() {
        super("u", "uniform", "spread");
    }

    /** 2 Phi(z) - 1, from the nearer tail. */
    @Override
    public double variate(double z) {
        return z < 0 ? 2 * NormalQuantile.cdf(z) - 1 : 1 - 2 * NormalQuantile.cdf(-z);
    }

    @Override
    public boolean variateIsNode() {
        return false;
    }

    @Override
    double standardQuantile(double p) {
        return 2 * p - 1;
    }

    /** 1 - 2p: the mirror's value, with the centre's zero positive (as -(2p - 1) would not be at p = 1/2). */
    @Override
    double standardUpperQuantile(double p) {
        return 1 - 2 * p;
    }

    @Override
    double standardDensity(double e) {
        return Math.abs(e) <= 1 ? 0.5 : 0.0;
    }

    @Override
    public double standardDeviation(double location, double scale) {
        return Math.abs(scale) / Math.sqrt(3);
    }
}
