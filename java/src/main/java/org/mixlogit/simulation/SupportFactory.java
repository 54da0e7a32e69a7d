package org.mixlogit.simulation;

/**
 * Makes each worker's {@link MixingSupport} of one simulator (data and model bound): the mixing model's one
 * object besides its points. Implementations are thread-safe.
 */
interface SupportFactory {
    /** Points per decision-maker. */
    int points();

    /** A new worker's support (first derivatives). */
    MixingSupport newSupport();

    /**
     * A new worker's support able to give the coefficients' second derivatives, for the analytic Hessian, or null
     * when this mixing model has no analytic Hessian (finite differences of the gradient are used instead).
     */
    DrawSupport newSecondOrderSupport();

    /** The rule in words, e.g. "halton, 100 draws, burn 100". */
    String describe();
}
