package org.mixlogit.simulation;

/**
 * Per-decision-maker log-likelihood contributions and scores at one parameter vector, with their weighted
 * totals. The contributions are unweighted; the total is {@code sum_n w_n l_n}. Immutable; accessors copy
 * unless their name ends in {@code Ref}.
 */
public final class Contributions {
    private final double[] theta;
    private final double[] logLik;
    private final double[] scores;
    private final double[] weights;
    private final double total;
    private final double[] gradient;

    Contributions(double[] theta, double[] logLik, double[] scores, double[] weights, double total,
            double[] gradient) {
        this.theta = theta;
        this.logLik = logLik;
        this.scores = scores;
        this.weights = weights;
        this.total = total;
        this.gradient = gradient;
    }

    public int decisionMakerCount() {
        return logLik.length;
    }

    public int parameterCount() {
        return gradient.length;
    }

    /** The parameters these contributions were evaluated at. */
    public double[] parameters() {
        return theta.clone();
    }

    /** Weighted total log-likelihood. */
    public double logLikelihood() {
        return total;
    }

    /** Gradient of the weighted total. */
    public double[] gradient() {
        return gradient.clone();
    }

    /** Unweighted log-likelihood of decision-maker n. */
    public double logLikelihood(int n) {
        return logLik[n];
    }

    /** Unweighted score of decision-maker n with respect to parameter j. */
    public double score(int n, int j) {
        return scores[n * gradient.length + j];
    }

    /** Weight of decision-maker n. */
    public double weight(int n) {
        return weights[n];
    }

    /** Unweighted scores, row-major decision-makers x parameters. Not to be modified. */
    public double[] scoresRef() {
        return scores;
    }

    /** Unweighted per-decision-maker log-likelihoods. Not to be modified. */
    public double[] logLikelihoodsRef() {
        return logLik;
    }
}
