package org.mixlogit.optim;

/** Progress after one iteration: its number, the objective, the scaled gradient norm, step length, evaluations. */
public final class IterationReport {
    private final int iteration;
    private final double value;
    private final double gradientNorm;
    private final double step;
    private final int evaluations;

    public IterationReport(int iteration, double value, double gradientNorm, double step, int evaluations) {
        this.iteration = iteration;
        this.value = value;
        this.gradientNorm = gradientNorm;
        this.step = step;
        this.evaluations = evaluations;
    }

    public int iteration() {
        return iteration;
    }

    /** The objective (what is minimized). */
    public double value() {
        return value;
    }

    /** The scaled gradient norm used for convergence. */
    public double gradientNorm() {
        return gradientNorm;
    }

    public double step() {
        return step;
    }

    public int evaluations() {
        return evaluations;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "iteration %d: objective %.6f, scaled gradient %.3g, step %.3g",
                iteration, value, gradientNorm, step);
    }
}
