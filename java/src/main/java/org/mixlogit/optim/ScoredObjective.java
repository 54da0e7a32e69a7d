package org.mixlogit.optim;

/**
 * An objective that is a sum over observations, f(x) = sum_n f_n(x), able to give the outer product of its
 * observations' gradients (BHHH's approximation of the Hessian). The objective reduces the outer product itself,
 * so no observations x dimension matrix is ever held.
 */
public interface ScoredObjective extends Objective {
    /**
     * f(x), its gradient and the outer product of the per-observation gradients.
     *
     * @param x Not modified
     * @param gradient <b>Modified</b>: the total gradient
     * @param outerProduct <b>Modified</b>: dimension x dimension, row-major, sum_n g_n g_n' with g_n the gradient
     *                     of f_n (each already multiplied by its observation weight, so they sum to the gradient)
     */
    double valueGradientAndOuterProduct(double[] x, double[] gradient, double[] outerProduct);
}
