package org.mixlogit.optim;

/** The accepted step of a line search: step length, new point, value and gradient, and evaluations used. */
final class LineSearchResult {
    final boolean success;
    final double step;
    final double[] point;
    final double value;
    final double[] gradient;
    final int evaluations;

    LineSearchResult(boolean success, double step, double[] point, double value, double[] gradient,
            int evaluations) {
        this.success = success;
        this.step = step;
        this.point = point;
        this.value = value;
        this.gradient = gradient;
        this.evaluations = evaluations;
    }
}
