package org.mixlogit.latent;

/**
 * One run of the EM algorithm: where it stopped, the log-likelihood there, the log-likelihood after every
 * iteration (non-decreasing: the test of monotonicity reads it), and whether the change fell below the tolerance.
 * Immutable; the array accessors copy.
 */
public final class EmRun {
    private final double[] theta;
    private final double logLikelihood;
    private final double[] trace;
    private final boolean converged;

    EmRun(double[] theta, double logLikelihood, double[] trace, boolean converged) {
        this.theta = theta.clone();
        this.logLikelihood = logLikelihood;
        this.trace = trace.clone();
        this.converged = converged;
    }

    public double[] theta() {
        return theta.clone();
    }

    public double logLikelihood() {
        return logLikelihood;
    }

    /** The log-likelihood at the start (entry 0) and after each iteration. */
    public double[] trace() {
        return trace.clone();
    }

    public int iterations() {
        return trace.length - 1;
    }

    public boolean isConverged() {
        return converged;
    }
}
