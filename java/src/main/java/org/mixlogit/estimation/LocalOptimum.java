package org.mixlogit.estimation;

/** A distinct optimum reached from one or more starts: its log-likelihood, how many starts, its gradient norm. */
public final class LocalOptimum {
    private final double logLikelihood;
    private final int starts;
    private final double gradientNorm;
    private final boolean converged;
    private final double[] point;

    LocalOptimum(double logLikelihood, int starts, double gradientNorm, boolean converged, double[] point) {
        this.logLikelihood = logLikelihood;
        this.starts = starts;
        this.gradientNorm = gradientNorm;
        this.converged = converged;
        this.point = point.clone();
    }

    public double logLikelihood() {
        return logLikelihood;
    }

    /** Number of starts that ended here. */
    public int starts() {
        return starts;
    }

    public double gradientNorm() {
        return gradientNorm;
    }

    /** Whether the optimizer reported convergence for (the best of) the starts that ended here. */
    public boolean converged() {
        return converged;
    }

    public double[] point() {
        return point.clone();
    }

    LocalOptimum plusOne() {
        return new LocalOptimum(logLikelihood, starts + 1, gradientNorm, converged, point);
    }
}
