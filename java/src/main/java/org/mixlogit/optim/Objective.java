package org.mixlogit.optim;

/** A smooth function to minimize, with its gradient. A non-finite value marks a point outside the domain. */
public interface Objective {
    int dimension();

    /** f(x). Must not modify x. */
    double value(double[] x);

    /**
     * f(x) and its gradient.
     *
     * @param x Not modified
     * @param gradient <b>Modified</b>: receives the gradient
     */
    double valueAndGradient(double[] x, double[] gradient);

    /**
     * The exact Hessian of f at x, dimension x dimension row-major, when the objective can compute it; null (the
     * default) when it cannot. BFGS asks for it once, as the search nears the optimum ({@link BfgsDirection}).
     *
     * @param x Not modified
     */
    default double[] hessian(double[] x) {
        return null;
    }
}
