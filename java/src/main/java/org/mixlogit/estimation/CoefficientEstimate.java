package org.mixlogit.estimation;

import org.apache.commons.math3.distribution.NormalDistribution;

/** One named estimate with its standard error, z statistic, two-sided p-value and confidence interval. */
public final class CoefficientEstimate {
    private static final NormalDistribution N01 = new NormalDistribution(null, 0, 1);
    private final String name;
    private final double estimate;
    private final double standardError;
    private final double level;

    public CoefficientEstimate(String name, double estimate, double standardError, double level) {
        this.name = name;
        this.estimate = estimate;
        this.standardError = standardError;
        this.level = level;
    }

    public String name() {
        return name;
    }

    public double estimate() {
        return estimate;
    }

    /** NaN when the covariance is unavailable. */
    public double standardError() {
        return standardError;
    }

    public double z() {
        return estimate / standardError;
    }

    /** Two-sided p-value of the z statistic. */
    public double pValue() {
        double z = Math.abs(z());
        return Double.isNaN(z) ? Double.NaN : 2 * N01.cumulativeProbability(-z);
    }

    /** Confidence level in percent. */
    public double level() {
        return level;
    }

    public double lower() {
        return estimate - critical() * standardError;
    }

    public double upper() {
        return estimate + critical() * standardError;
    }

    private double critical() {
        return N01.inverseCumulativeProbability(0.5 + level / 200.0);
    }

    @Override
    public String toString() {
        return name + " = " + estimate + " (" + standardError + ")";
    }
}
