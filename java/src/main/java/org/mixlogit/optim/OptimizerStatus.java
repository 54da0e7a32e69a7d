package org.mixlogit.optim;

/** How an optimization ended. Only the CONVERGED_* outcomes mean a (local) optimum was found. */
public enum OptimizerStatus {
    /** The scaled gradient norm fell below its tolerance. */
    CONVERGED_GRADIENT(true),
    /** The relative change of the objective fell below its tolerance while the gradient was small. */
    CONVERGED_OBJECTIVE(true),
    /** The iteration limit was reached first. */
    MAX_ITERATIONS(false),
    /** No step satisfying the line-search conditions could be found along the search direction. */
    LINE_SEARCH_FAILED(false),
    /** Iterations stopped making progress (the objective stopped decreasing) with the gradient still large. */
    STALLED(false),
    /** The objective or gradient was not finite at the starting point. */
    NON_FINITE_START(false),
    /** The listener asked to stop. */
    CANCELLED(false);

    private final boolean converged;

    OptimizerStatus(boolean converged) {
        this.converged = converged;
    }

    public boolean isConverged() {
        return converged;
    }
}
