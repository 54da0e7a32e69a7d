package org.mixlogit.latent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a latent class estimation adds to its result: the class shares at the decision-makers' mean characteristics
 * with delta-method standard errors, the mean posterior class probabilities (the classes' sizes in the sample),
 * the mean characteristics themselves, how the multi-start EM search went (starts, EM iterations and
 * log-likelihood of the best start) and the boundaries met (a class share tending to zero, a class whose
 * coefficients diverge), each named. Classes are numbered from the largest share. Immutable; arrays copy.
 */
public final class LatentClassSummary {
    private final int classes;
    private final double[] shares;
    private final double[] shareErrors;
    private final double[] posteriorShares;
    private final double[] meanCharacteristics;
    private final int starts;
    private final int emIterations;
    private final double emLogLikelihood;
    private final List<String> boundaries;

    /**
     * @param shares class shares at the mean characteristics
     * @param shareErrors their delta-method standard errors (NaN without a covariance)
     * @param posteriorShares mean posterior class probabilities over decision-makers (weighted)
     * @param meanCharacteristics (1, characteristics) at which the shares are evaluated
     * @param emLogLikelihood the log-likelihood where EM stopped for the best start (before the direct-ML polish)
     */
    public LatentClassSummary(double[] shares, double[] shareErrors, double[] posteriorShares,
            double[] meanCharacteristics, int starts, int emIterations, double emLogLikelihood,
            List<String> boundaries) {
        this.classes = shares.length;
        this.shares = shares.clone();
        this.shareErrors = shareErrors.clone();
        this.posteriorShares = posteriorShares.clone();
        this.meanCharacteristics = meanCharacteristics.clone();
        this.starts = starts;
        this.emIterations = emIterations;
        this.emLogLikelihood = emLogLikelihood;
        this.boundaries = Collections.unmodifiableList(new ArrayList<>(boundaries));
    }

    public int classes() {
        return classes;
    }

    /** Class shares at the mean characteristics, from the largest. */
    public double[] shares() {
        return shares.clone();
    }

    public double[] shareErrors() {
        return shareErrors.clone();
    }

    /** Mean posterior class probabilities: the share of decision-makers each class explains. */
    public double[] posteriorShares() {
        return posteriorShares.clone();
    }

    /** The constant 1 and the mean of each membership characteristic. */
    public double[] meanCharacteristics() {
        return meanCharacteristics.clone();
    }

    /** Starting points searched by EM. */
    public int starts() {
        return starts;
    }

    public int emIterations() {
        return emIterations;
    }

    public double emLogLikelihood() {
        return emLogLikelihood;
    }

    /** The boundaries met, in words (empty when none). */
    public List<String> boundaries() {
        return boundaries;
    }

    /** The smallest class share at the mean characteristics. */
    public double smallestShare() {
        double min = Double.POSITIVE_INFINITY;
        for (double s : shares) {
            min = Math.min(min, s);
        }
        return min;
    }
}
