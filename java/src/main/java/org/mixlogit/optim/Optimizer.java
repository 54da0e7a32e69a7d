package org.mixlogit.optim;

/** Minimizes an objective from a starting point. */
public interface Optimizer {
    /**
     * @param start Not modified
     * @param listener receives progress after each iteration and may cancel
     */
    Optimum optimize(Objective objective, double[] start, IterationListener listener);

    default Optimum optimize(Objective objective, double[] start) {
        return optimize(objective, start, IterationListener.NONE);
    }

    /** The minimizer the configuration names; BHHH needs a {@link ScoredObjective} at optimize time. */
    static Optimizer of(OptimizerConfig config) {
        return new QuasiNewtonMinimizer(config);
    }
}
