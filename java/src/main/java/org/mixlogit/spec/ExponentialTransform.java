package org.mixlogit.spec;

import org.mixlogit.math.NormalQuantile;

/**
 * beta = m + s E, E ~ Exp(1) with E = -log Phi(-z): a one-sided coefficient that starts at m and has a long tail in
 * the direction of the sign of s (a price coefficient with a long negative tail has s &lt; 0). The sign of s is
 * identified. Mean m + s, median m + s ln 2, standard deviation |s|.
 *
 * <p>The location may not be fixed at zero: m is the end of the support, not the mean, so a "zero-mean" exponential
 * would need m = -s. The default start matches the plain-logit estimate b as the mean, with the tail on the side
 * of b's sign: s = 0.1 sign(b), m = b - s.
 */
final class ExponentialTransform extends LocationScaleTransform {
    ExponentialTransform() {
        super("e", "exponential", "sd");
    }

    /**
     * E = -log Phi(-z), from the side where it is accurate: -log1p(-Phi(z)) below zero (E is then about Phi(z),
     * tiny), -log Phi(-z) above, and the far-tail series of log Phi beyond z = 30 (where Phi(-z) nears underflow).
     */
    @Override
    public double variate(double z) {
        if (z >= -FarLeftNormal.THRESHOLD) {
            return -FarLeftNormal.logCdf(-z);
        }
        if (z >= 0) {
            return -Math.log(NormalQuantile.cdf(-z));
        }
        return -Math.log1p(-NormalQuantile.cdf(z));
    }

    @Override
    public boolean variateIsNode() {
        return false;
    }

    @Override
    double standardMean() {
        return 1.0;
    }

    @Override
    double standardQuantile(double p) {
        return -Math.log1p(-p);
    }

    @Override
    double standardUpperQuantile(double p) {
        return -Math.log(p);
    }

    @Override
    double standardDensity(double e) {
        return e >= 0 ? Math.exp(-e) : 0.0;
    }

    @Override
    public double standardDeviation(double location, double scale) {
        return Math.abs(scale);
    }

    @Override
    public boolean scaleSignIdentified() {
        return true;
    }

    @Override
    public boolean mayHaveZeroMean() {
        return false;
    }

    @Override
    public double startScale(double plainLogit, double magnitude) {
        return plainLogit < 0 ? -magnitude : magnitude;
    }

    @Override
    public double startLocation(double plainLogit, double scale) {
        return plainLogit - scale;
    }
}
