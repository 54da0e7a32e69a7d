package org.mixlogit.optim;

/** Receives progress after every iteration and may stop the optimizer (the Stata plugin polls for Break here). */
@FunctionalInterface
public interface IterationListener {
    /** A listener that never stops anything. */
    IterationListener NONE = report -> true;

    /** @return false to cancel the optimization */
    boolean iteration(IterationReport report);
}
