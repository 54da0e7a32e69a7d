package org.mixlogit.optim;

/** How a quasi-Newton method turns the gradient into a search direction and learns from each step. */
interface SearchDirection {
    /**
     * f and its gradient at the optimizer's starting point. The default is {@link Objective#valueAndGradient}; a
     * direction that starts from the outer product of the scores computes it in the same evaluation, so that its
     * first direction costs none.
     *
     * @param x Not modified
     * @param gradient <b>Modified</b>: receives the gradient
     */
    default double start(Objective f, double[] x, double[] gradient) {
        return f.valueAndGradient(x, gradient);
    }

    /** Forget all curvature information (the next direction is steepest descent, suitably scaled). */
    void reset();

    /** True when no curvature information has been gathered since the last reset. */
    boolean isFresh();

    /** True when the direction carries its own scale, so the line search starts with a unit step. */
    boolean isScaled();

    /**
     * The search direction at x.
     *
     * @param x Not modified
     * @param gradient Not modified
     * @return the direction, a new array
     */
    double[] direction(double[] x, double[] gradient);

    /** Learns from the step s = x_new - x_old with gradient change y = g_new - g_old. */
    void update(double[] s, double[] y);

    /**
     * Replaces the curvature information by the objective's exact Hessian at x, when the direction can use it and
     * the objective has one (positive definite); returns whether it did. The default ignores it.
     *
     * @param x Not modified
     */
    default boolean adoptHessian(Objective f, double[] x) {
        return false;
    }

    /** Objective evaluations this direction spent itself (BHHH evaluates scores); 0 for BFGS and L-BFGS. */
    default int evaluations() {
        return 0;
    }
}
