package org.mixlogit.optim;

/**
 * What an optimizer found: the point, the objective and gradient there, iterations and evaluations used, how it
 * ended and a sentence saying so. Immutable; array accessors copy.
 */
public final class Optimum {
    private final double[] point;
    private final double value;
    private final double[] gradient;
    private final double gradientNorm;
    private final int iterations;
    private final int evaluations;
    private final OptimizerStatus status;
    private final String message;

    public Optimum(double[] point, double value, double[] gradient, double gradientNorm, int iterations,
            int evaluations, OptimizerStatus status, String message) {
        this.point = point.clone();
        this.value = value;
        this.gradient = gradient.clone();
        this.gradientNorm = gradientNorm;
        this.iterations = iterations;
        this.evaluations = evaluations;
        this.status = status;
        this.message = message;
    }

    public double[] point() {
        return point.clone();
    }

    public double value() {
        return value;
    }

    public double[] gradient() {
        return gradient.clone();
    }

    /** The scaled gradient norm at the point. */
    public double gradientNorm() {
        return gradientNorm;
    }

    public int iterations() {
        return iterations;
    }

    /** Objective evaluations (value or value and gradient). */
    public int evaluations() {
        return evaluations;
    }

    public OptimizerStatus status() {
        return status;
    }

    public boolean isConverged() {
        return status.isConverged();
    }

    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return "Optimum[" + status + ", objective " + value + ", scaled gradient " + gradientNorm + ", "
                + iterations + " iterations, " + evaluations + " evaluations: " + message + "]";
    }
}
