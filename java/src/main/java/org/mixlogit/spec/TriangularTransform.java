package org.mixlogit.spec;

import org.mixlogit.math.NormalQuantile;

/**
 * beta = m + s t, t symmetric triangular on [-1, 1] with p = Phi(z): centre m, spread |s|, mean m, standard
 * deviation |s| / sqrt(6); the sign of s is not identified.
 */
final class TriangularTransform extends SymmetricLocationScaleTransform {
    TriangularTransform() {
        super("t", "triangular", "spread");
    }

    /** sqrt(2p) - 1 below the centre, 1 - sqrt(2 (1 - p)) above, each from its own tail of Phi. */
    @Override
    public double variate(double z) {
        return z < 0 ? Math.sqrt(2 * NormalQuantile.cdf(z)) - 1 : 1 - Math.sqrt(2 * NormalQuantile.cdf(-z));
    }

    @Override
    public boolean variateIsNode() {
        return false;
    }

    @Override
    double standardQuantile(double p) {
        return p < 0.5 ? Math.sqrt(2 * p) - 1 : 1 - Math.sqrt(2 * (1 - p));
    }

    @Override
    double standardDensity(double e) {
        return Math.max(0.0, 1 - Math.abs(e));
    }

    @Override
    public double standardDeviation(double location, double scale) {
        return Math.abs(scale) / Math.sqrt(6);
    }
}
