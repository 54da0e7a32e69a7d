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
}
