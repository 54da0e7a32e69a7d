package org.mixlogit.estimation;

import java.util.Locale;

/**
 * How much the log-likelihood at the estimate depends on the integration: its value with several independent
 * draw sets of the same size (their spread is the simulation noise) and with a more accurate rule. Immutable.
 */
public final class IntegrationCheck {
    private final double estimateLogLik;
    private final double[] replicates;
    private final String replicateRule;
    private final double accurateLogLik;
    private final String accurateRule;

    IntegrationCheck(double estimateLogLik, double[] replicates, String replicateRule, double accurateLogLik,
            String accurateRule) {
        this.estimateLogLik = estimateLogLik;
        this.replicates = replicates.clone();
        this.replicateRule = replicateRule;
        this.accurateLogLik = accurateLogLik;
        this.accurateRule = accurateRule;
    }

    /** Log-likelihoods at the estimate with independent draw sets (empty for quadrature rules). */
    public double[] replicates() {
        return replicates.clone();
    }

    /** The rule of the replicates, e.g. "shalton, 100 draws, seed ..., burn 0 (5 seeds)". */
    public String replicateRule() {
        return replicateRule;
    }

    /** Standard deviation of the replicate log-likelihoods (NaN with fewer than two). */
    public double replicateStandardDeviation() {
        int k = replicates.length;
        if (k < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double v : replicates) {
            mean += v / k;
        }
        double ss = 0;
        for (double v : replicates) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (k - 1));
    }

    /** Log-likelihood at the estimate with the more accurate rule. */
    public double accurateLogLikelihood() {
        return accurateLogLik;
    }

    public String accurateRule() {
        return accurateRule;
    }

    /** accurate - estimation log-likelihood: how far the estimation rule is from a better integral. */
    public double accurateDifference() {
        return accurateLogLik - estimateLogLik;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Integration check: LL sd %.4f over %d independent draw sets; LL %.4f with"
                + " %s (difference %+.4f)", replicateStandardDeviation(), replicates.length, accurateLogLik,
                accurateRule, accurateDifference());
    }
}
