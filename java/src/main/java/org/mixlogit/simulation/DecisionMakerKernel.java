package org.mixlogit.simulation;

import java.util.Arrays;


/**
 * One worker's evaluation of a decision-maker's simulated log-likelihood {@code log sum_r w_r prod_t P_t(beta_r)}
 * and its score. Owns all scratch space, so an evaluation allocates nothing; not thread-safe.
 *
 * <p>Work arrays hold one row per alternative, level or coefficient and one column per draw
 * ({@code expUtility[j][r]}), so every inner loop runs over draws from index 0 with independent iterations, which
 * the JIT vectorizes. Per situation the exponentiated utilities come either from the decision-maker's
 * attribute-level factors (see {@link RowStructure}) or from utilities shifted by their maximum over
 * alternatives; a draw whose level products leave the safe floating-point range is recomputed the shifted way.
 * The chosen probabilities of a person's situations are multiplied per draw and folded into logarithms before
 * they can underflow.
 */
final class DecisionMakerKernel {
    private static final double TINY = 1e-280;
    private static final double HUGE = 1e280;

    private final ModelDesign m;
    private final RowStructure rows;
    private final MixingSupport support;
    private final int k;
    private final int r;
    /** The support's coefficients of the decision-maker being evaluated. */
    private double[][] beta;
    private final int[] situationStart;
    private final int[] chosenRow;
    private final int[] decisionMakerStart;

    private final double[][] levelFactor;
    private final double[][] expUtility;
    private final double[][] utility;
    private final double[] shift;
    private final double[] denominator;
    private final boolean[] shifted;
    private final double[] product;
    private final double[] drawLogLik;
    private final double[][] betaScore;
    /** The path for decision-makers whose attributes take no shared levels. */
    private final GeneralLogitKernel general;
    /** General path: draw q's likelihood is drawLogLik[q] * 2^(-64 scaleCount[q]). */
    private final int[] scaleCount;
    /** The first non-positive integrated probability met since the last {@link #clearFailure()}, in words. */
    private String failure;
    private int failedDecisionMaker = -1;

    DecisionMakerKernel(ModelDesign design, MixingSupport support) {
        this.m = design;
        this.rows = design.rows;
        this.support = support;
        this.k = design.k;
        this.r = support.points();
        this.situationStart = design.data.situationStartRef();
        this.chosenRow = design.data.chosenRowRef();
        this.decisionMakerStart = design.data.decisionMakerStartRef();
        int jmax = Math.max(2, design.data.maxAlternatives());
        levelFactor = new double[rows.maxLevels][r];
        expUtility = new double[jmax][r];
        utility = new double[jmax][r];
        shift = new double[r];
        denominator = new double[r];
        shifted = new boolean[r];
        product = new double[r];
        drawLogLik = new double[r];
        betaScore = new double[k][r];
        general = new GeneralLogitKernel(design, r);
        scaleCount = new int[r];
    }

    /**
     * Log-likelihood contribution of decision-maker n (unweighted) and, when {@code score != null}, its gradient.
     * NaN when the parameters make a utility undefined.
     *
     * @param theta Not modified: parameters
     * @param score <b>Modified</b> when non-null: the P score entries from {@code scoreOffset}
     */
    double evaluate(int n, double[] theta, double[] score, int scoreOffset) {
        boolean gradient = score != null;
        support.prepare(n, theta);
        beta = support.betaRef();
        if (!rows.useLevels[n]) {
            general.evaluate(n, beta, drawLogLik, scaleCount, gradient ? betaScore : null);
            return mixScaled(n, score, scoreOffset);
        }
        buildLevelFactors(n);
        Arrays.fill(drawLogLik, 0.0);
        Arrays.fill(product, 1.0);
        if (gradient) {
            for (double[] row : betaScore) {
                Arrays.fill(row, 0.0);
            }
        }
        for (int t = decisionMakerStart[n]; t < decisionMakerStart[n + 1]; t++) {
            int first = situationStart[t];
            int end = situationStart[t + 1];
            levelExpUtilities(first, end);
            accumulateChosen(chosenRow[t] - first);
            if (gradient) {
                subtractExpectedAttributes(first, end);
            }
        }
        for (int q = 0; q < r; q++) {
            drawLogLik[q] += Math.log(product[q]);
        }
        return mix(n, score, scoreOffset);
    }

    /**
     * After {@link #evaluate}: the draws' unnormalised posterior weights w_r L_r / max (when the value was finite).
     * Not to be modified.
     */
    double[] posteriorWeightsRef() {
        return drawLogLik;
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

    /** exp(value * beta_k) for every level of decision-maker n and every draw. */
    private void buildLevelFactors(int n) {
        int first = rows.levelStart[n];
        int count = rows.levelStart[n + 1] - first;
        for (int l = 0; l < count; l++) {
            double[] betaRow = beta[rows.levelAttribute[first + l]];
            double value = rows.levelValue[first + l];
            double[] out = levelFactor[l];
            for (int q = 0; q < r; q++) {
                out[q] = Math.exp(value * betaRow[q]);
            }
        }
    }

    /** expUtility = product of level factors; draws outside the safe range are redone with shifted utilities. */
    private void levelExpUtilities(int first, int end) {
        Arrays.fill(denominator, 0.0);
        for (int j = 0; j < end - first; j++) {
            int e0 = rows.nonZeroStart[first + j];
            int e1 = rows.nonZeroStart[first + j + 1];
            double[] out = expUtility[j];
            if (e0 == e1) {
                Arrays.fill(out, 1.0);
            } else {
                System.arraycopy(levelFactor[rows.level[e0]], 0, out, 0, r);
                for (int e = e0 + 1; e < e1; e++) {
                    double[] f = levelFactor[rows.level[e]];
                    for (int q = 0; q < r; q++) {
                        out[q] *= f[q];
                    }
                }
            }
            double[] den = denominator;
            for (int q = 0; q < r; q++) {
                den[q] += out[q];
            }
        }
        for (int q = 0; q < r; q++) {
            double den = denominator[q];
            shifted[q] = !(den > TINY && den < HUGE);
            if (shifted[q]) {
                shiftedDraw(q, first, end);
            }
        }
    }

    /** One draw's utilities, their maximum, and the shifted exponentials and denominator. */
    private void shiftedDraw(int q, int first, int end) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < end - first; j++) {
            double u = 0;
            for (int e = rows.nonZeroStart[first + j]; e < rows.nonZeroStart[first + j + 1]; e++) {
                u += rows.value[e] * beta[rows.attribute[e]][q];
            }
            utility[j][q] = u;
            max = Math.max(max, u);
        }
        shift[q] = max;
        double den = 0;
        for (int j = 0; j < end - first; j++) {
            double e = Math.exp(utility[j][q] - max);
            expUtility[j][q] = e;
            den += e;
        }
        denominator[q] = den;
    }

    /** Multiplies each draw's running product by the chosen alternative's probability, in logs when tiny. */
    private void accumulateChosen(int chosen) {
        double[] e = expUtility[chosen];
        double[] u = utility[chosen];
        for (int q = 0; q < r; q++) {
            double p = e[q] / denominator[q];
            if (p > TINY) {
                product[q] *= p;
                if (product[q] < TINY) {
                    drawLogLik[q] += Math.log(product[q]);
                    product[q] = 1.0;
                }
            } else if (shifted[q]) {
                drawLogLik[q] += u[q] - shift[q] - Math.log(denominator[q]);
            } else {
                drawLogLik[q] += Math.log(e[q]) - Math.log(denominator[q]);
            }
        }
    }

    /** betaScore -= sum_j P_j x_j per draw (the chosen attributes are added once per person in mix). */
    private void subtractExpectedAttributes(int first, int end) {
        double[] inv = denominator;
        for (int q = 0; q < r; q++) {
            inv[q] = 1.0 / inv[q];
        }
        for (int j = 0; j < end - first; j++) {
            double[] p = expUtility[j];
            for (int q = 0; q < r; q++) {
                p[q] *= inv[q];
            }
            for (int e = rows.nonZeroStart[first + j]; e < rows.nonZeroStart[first + j + 1]; e++) {
                double value = rows.value[e];
                double[] g = betaScore[rows.attribute[e]];
                for (int q = 0; q < r; q++) {
                    g[q] -= value * p[q];
                }
            }
        }
    }

    /** log sum_r w_r L_r, and with a score array the chain rule to the parameters with posterior draw weights. */
    private double mix(int n, double[] score, int so) {
        double max = Double.NEGATIVE_INFINITY;
        boolean undefined = false;
        for (int q = 0; q < r; q++) {
            double ll = drawLogLik[q];
            undefined |= Double.isNaN(ll);
            max = Math.max(max, ll);
        }
        if (undefined || max == Double.NEGATIVE_INFINITY) {
            if (score != null) {
                Arrays.fill(score, so, so + m.p, Double.NaN);
            }
            return undefined ? Double.NaN : max;
        }
        double[] w = support.weightsRef();
        int wo = support.weightOffset();
        double sum = 0;
        for (int q = 0; q < r; q++) {
            double e = w[wo + q] * Math.exp(drawLogLik[q] - max);
            drawLogLik[q] = e;
            sum += e;
        }
        return finish(n, score, so, sum, max, true);
    }

    /**
     * The general path's mixing: draw q's likelihood is drawLogLik[q] 2^(-64 scaleCount[q]), so the weights are
     * relative to the smallest count (exact powers of two) and one logarithm per decision-maker suffices.
     */
    private double mixScaled(int n, double[] score, int so) {
        int least = Integer.MAX_VALUE;
        boolean undefined = false;
        for (int q = 0; q < r; q++) {
            double v = drawLogLik[q];
            undefined |= Double.isNaN(v);
            if (v > 0) {
                least = Math.min(least, scaleCount[q]);
            }
        }
        if (undefined || least == Integer.MAX_VALUE) {
            if (score != null) {
                Arrays.fill(score, so, so + m.p, Double.NaN);
            }
            return undefined ? Double.NaN : Double.NEGATIVE_INFINITY;
        }
        double[] w = support.weightsRef();
        int wo = support.weightOffset();
        double sum = 0;
        for (int q = 0; q < r; q++) {
            int c = scaleCount[q] - least;
            double e = w[wo + q] * (c == 0 ? drawLogLik[q] : Math.scalb(drawLogLik[q], -64 * Math.min(c, 64)));
            drawLogLik[q] = e;
            sum += e;
        }
        return finish(n, score, so, sum, -least * GeneralLogitKernel.LOG_SCALE, false);
    }

    /**
     * From the weighted sum of draw likelihoods (times exp(-offset)): the value, and the score when asked
     * (betaScore lacks the chosen attributes when addChosen).
     */
    private double finish(int n, double[] score, int so, double sum, double offset, boolean addChosen) {
        double max = offset;
        if (!(sum > 0)) {
            // never a logarithm of a non-positive probability: the evaluation reports NaN and names the person
            if (failure == null) {
                failure = "The integrated probability of decision-maker " + m.data.decisionMakerId(n) + "'s choices"
                        + " is " + sum * Math.exp(max) + " (not positive): the rule's negative weights outweigh the"
                        + " positive ones here. Raise the sparse-grid level, or use Gauss-Hermite or simulation"
                        + " draws.";
                failedDecisionMaker = n;
            }
            if (score != null) {
                Arrays.fill(score, so, so + m.p, Double.NaN);
            }
            return Double.NaN;
        }
        if (score != null) {
            double inv = 1.0 / sum;
            for (int q = 0; q < r; q++) {
                drawLogLik[q] *= inv;
            }
            chainRule(n, score, so, addChosen);
        }
        return max + Math.log(sum);
    }

    /**
     * d log L / d theta from d log L_r / d beta and the posterior point weights, through the support's chain rule
     * (with the posterior as the weights' terms: d log L / d theta includes sum_r posterior_r d log w_r / d theta).
     */
    private void chainRule(int n, double[] score, int so, boolean addChosen) {
        double[] posterior = drawLogLik;
        for (int i = 0; i < k; i++) {
            double[] g = betaScore[i];
            double chosen = addChosen ? rows.chosenSum[n * k + i] : 0.0;
            for (int q = 0; q < r; q++) {
                g[q] = posterior[q] * (g[q] + chosen);
            }
        }
        support.toParameters(n, betaScore, posterior, score, so);
    }
}
