package org.mixlogit.optim;

/**
 * An objective that is a sum over observations, f(x) = sum_n f_n(x), able to give each observation's gradient
 * (needed by BHHH, whose Hessian approximation is the outer product of the observation gradients).
 */
public interface ScoredObjective extends Objective {
    /** Number of observations. */
    int observations();

    /**
     * f(x), its gradient and the per-observation gradients.
     *
     * @param x Not modified
     * @param gradient <b>Modified</b>: the total gradient
     * @param scores <b>Modified</b>: observations x dimension, row-major, the gradients of the f_n
     *               (each already multiplied by its observation weight, so they sum to the gradient)
     */
    double valueGradientAndScores(double[] x, double[] gradient, double[] scores);
}
