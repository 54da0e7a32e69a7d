package org.mixlogit.simulation;

import java.util.Arrays;

/**
 * One worker's evaluation of a decision-maker's simulated log-likelihood {@code log sum_r w_r prod_t P_t(beta_r)}
 * and its score: the support's points ({@link MixingSupport#prepare}), every draw's likelihood and score in beta
 * ({@link DrawLogitKernel}), their weighted sum and the chain rule to the parameters. Owns all scratch space, so an
 * evaluation allocates nothing; not thread-safe.
 *
 * <p>The draws' likelihoods arrive as scaled values and counts of scalings by 2^64 (L_r = scaled_r 2^(-64 c_r));
 * the weights are taken relative to the smallest count (exact powers of two), so one logarithm per decision-maker
 * suffices.
 */
final class DecisionMakerKernel {
    private final ModelDesign m;
    private final MixingSupport support;
    private final int k;
    private final int r;
    /** The support's coefficients of the decision-maker being evaluated. */
    private double[][] beta;
    private final DrawLogitKernel draws;
    /** Each draw's scaled likelihood, then its weight w_r L_r (relative), then its posterior weight. */
    private final double[] drawLikelihood;
    /** Each draw's count of scalings by 2^64. */
    private final int[] scaleCount;
    private final double[][] betaScore;
    /** The first non-positive integrated probability met since the last {@link #clearFailure()}, in words. */
    private String failure;
    private int failedDecisionMaker = -1;

    DecisionMakerKernel(ModelDesign design, MixingSupport support) {
        this.m = design;
        this.support = support;
        this.k = design.k;
        this.r = support.points();
        this.draws = new DrawLogitKernel(design, r);
        this.drawLikelihood = new double[r];
        this.scaleCount = new int[r];
        this.betaScore = new double[k][r];
    }

    /**
     * Log-likelihood contribution of decision-maker n (unweighted) and, when {@code score != null}, its gradient.
     * NaN when the parameters make a utility undefined.
     *
     * @param theta Not modified: parameters
     * @param score <b>Modified</b> when non-null: the P score entries from {@code scoreOffset}
     */
    double evaluate(int n, double[] theta, double[] score, int scoreOffset) {
        support.prepare(n, theta);
        beta = support.betaRef();
        draws.evaluate(n, beta, drawLikelihood, scaleCount, score != null ? betaScore : null);
        return mix(n, score, scoreOffset);
    }

    /**
     * After {@link #evaluate}: the draws' unnormalised posterior weights, w_r L_r up to a common factor (when the
     * value was finite). Not to be modified.
     */
    double[] posteriorWeightsRef() {
        return drawLikelihood;
    }

    /** After {@link #evaluate}: the coefficients of every point, {@code beta[k][r]}. Not to be modified. */
    double[][] betaRef() {
        return beta;
    }

    /** Decision-maker index of the recorded failure, or -1. */
    int failedDecisionMaker() {
        return failedDecisionMaker;
    }

    String failure() {
        return failure;
    }

    void clearFailure() {
        failure = null;
        failedDecisionMaker = -1;
    }

    /** log sum_r w_r L_r, and with a score array the chain rule to the parameters with posterior draw weights. */
    private double mix(int n, double[] score, int so) {
        double[] w = support.weightsRef();
        int wo = support.weightOffset();
        boolean undefined = anyUndefined();
        int least = leastCount(w, wo);
        if (undefined || least == Integer.MAX_VALUE) {
            if (score != null) {
                Arrays.fill(score, so, so + m.p, Double.NaN);
            }
            return undefined ? Double.NaN : Double.NEGATIVE_INFINITY;
        }
        double sum = weigh(w, wo, least);
        double offset = -least * DrawLogitKernel.LOG_SCALE;
        if (!(sum > 0)) {
            // never a logarithm of a non-positive probability: the evaluation reports NaN and names the person
            if (failure == null) {
                failure = "The integrated probability of decision-maker " + m.data.decisionMakerId(n) + "'s choices"
                        + " is " + sum * Math.exp(offset) + " (not positive): the rule's negative weights outweigh"
                        + " the positive ones here. Raise the sparse-grid level, or use Gauss-Hermite or simulation"
                        + " draws.";
                failedDecisionMaker = n;
            }
            if (score != null) {
                Arrays.fill(score, so, so + m.p, Double.NaN);
            }
            return Double.NaN;
        }
        if (score != null) {
            scale(drawLikelihood, 1.0 / sum);
            chainRule(n, score, so);
        }
        return offset + Math.log(sum);
    }

    // The loops over points are methods of their own, here and below, so that the JIT's compilation of a
    // long-running loop on the stack (while the first evaluation runs) covers these small methods, not the
    // evaluation around them, which is then compiled once.

    /** Whether some point's likelihood is NaN (undefined). */
    private boolean anyUndefined() {
        boolean undefined = false;
        for (int q = 0; q < r; q++) {
            undefined |= Double.isNaN(drawLikelihood[q]);
        }
        return undefined;
    }

    /**
     * The smallest count of scalings among points of positive likelihood and non-zero weight (points of weight
     * zero, padding of per-person node counts, take no part, so the result does not depend on how many there are);
     * Integer.MAX_VALUE when there is none.
     */
    private int leastCount(double[] w, int wo) {
        int least = Integer.MAX_VALUE;
        for (int q = 0; q < r; q++) {
            if (drawLikelihood[q] > 0 && w[wo + q] != 0) {
                least = Math.min(least, scaleCount[q]);
            }
        }
        return least;
    }

    /** drawLikelihood becomes w_r L_r relative to 2^(-64 least); returns their sum. */
    private double weigh(double[] w, int wo, int least) {
        double sum = 0;
        for (int q = 0; q < r; q++) {
            int c = scaleCount[q] - least;
            double v = drawLikelihood[q];
            double e = w[wo + q] * (c == 0 ? v : Math.scalb(v, -64 * Math.min(c, 64)));
            drawLikelihood[q] = e;
            sum += e;
        }
        return sum;
    }

    /**
     * row[q] *= factor for q < r.
     *
     * @param row <b>Modified</b>
     */
    private void scale(double[] row, double factor) {
        for (int q = 0; q < r; q++) {
            row[q] *= factor;
        }
    }

    /**
     * row[q] *= by[q] for q < r.
     *
     * @param row <b>Modified</b>
     */
    private void multiply(double[] row, double[] by) {
        for (int q = 0; q < r; q++) {
            row[q] *= by[q];
        }
    }

    /**
     * d log L / d theta from d log L_r / d beta and the posterior point weights, through the support's chain rule
     * (with the posterior as the weights' terms: d log L / d theta includes sum_r posterior_r d log w_r / d theta).
     */
    private void chainRule(int n, double[] score, int so) {
        double[] posterior = drawLikelihood;
        for (int i = 0; i < k; i++) {
            multiply(betaScore[i], posterior);
        }
        support.toParameters(n, betaScore, posterior, score, so);
    }
}
