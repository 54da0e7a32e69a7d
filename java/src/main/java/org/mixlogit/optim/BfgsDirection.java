package org.mixlogit.optim;

/**
 * BFGS with a dense inverse-Hessian approximation H, updated as
 * H+ = (I - rho s y') H (I - rho y s') + rho s s', rho = 1 / y's, skipped when the curvature y's is not
 * positive. For a sum over observations H starts as the inverse outer product of the scores (the BHHH matrix,
 * scale-aware and the usual start for likelihoods); otherwise as the identity, rescaled by y's / y'y at the
 * first update (Nocedal and Wright, eq. 6.20). Near the optimum the minimizer may hand it the objective's exact
 * Hessian once ({@link #adoptHessian}): H becomes its inverse, so the remaining steps are Newton steps refined by
 * the updates, instead of the many updates BFGS needs to learn the curvature of every direction.
 */
final class BfgsDirection implements SearchDirection {
    private final int n;
    private final double[] h;
    private final OuterProductOfScores outer;
    private boolean fresh;
    private boolean initialized;
    private int hessians;

    BfgsDirection(int n, OuterProductOfScores outer) {
        this.n = n;
        this.h = new double[n * n];
        this.outer = outer;
        reset();
    }

    @Override
    public void reset() {
        java.util.Arrays.fill(h, 0.0);
        for (int i = 0; i < n; i++) {
            h[i * n + i] = 1.0;
        }
        fresh = true;
        initialized = false;
    }

    /** With the outer product of the scores at x, which the first direction starts from. */
    @Override
    public double start(Objective f, double[] x, double[] gradient) {
        return outer == null ? f.valueAndGradient(x, gradient) : outer.valueAndGradientAt(x, gradient);
    }

    @Override
    public boolean isScaled() {
        return initialized || !fresh;
    }

    @Override
    public int evaluations() {
        return (outer == null ? 0 : outer.evaluations()) + hessians;
    }

    /** H = the inverse of f's Hessian at x, when f has one and it is positive definite (counted as an evaluation). */
    @Override
    public boolean adoptHessian(Objective f, double[] x) {
        double[] hessian = f.hessian(x);
        if (hessian == null) {
            return false;
        }
        hessians++;
        double[] inverse = OuterProductOfScores.inverseOfPositiveDefinite(hessian, n);
        if (inverse == null) {
            return false;
        }
        System.arraycopy(inverse, 0, h, 0, n * n);
        initialized = true;
        fresh = false;
        return true;
    }

    /** Starts H from the inverse outer product of the scores at x, when the objective provides them. */
    private void initialize(double[] x) {
        if (outer == null || initialized || !fresh) {
            return;
        }
        double[] inverse = outer.inverseAt(x);
        if (inverse != null) {
            System.arraycopy(inverse, 0, h, 0, n * n);
            initialized = true;
        }
    }

    @Override
    public boolean isFresh() {
        return fresh;
    }

    @Override
    public double[] direction(double[] x, double[] g) {
        initialize(x);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += h[i * n + j] * g[j];
            }
            d[i] = -s;
        }
        return d;
    }

    @Override
    public void update(double[] s, double[] y) {
        double sy = StrongWolfeLineSearch.dot(s, y);
        if (!(sy > 1e-12 * Math.sqrt(StrongWolfeLineSearch.dot(s, s) * StrongWolfeLineSearch.dot(y, y)))) {
            return;
        }
        if (fresh && !initialized) {
            double scale = sy / StrongWolfeLineSearch.dot(y, y);
            for (int i = 0; i < n; i++) {
                h[i * n + i] = scale;
            }
        }
        fresh = false;
        double rho = 1.0 / sy;
        double[] hy = new double[n];
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int j = 0; j < n; j++) {
                v += h[i * n + j] * y[j];
            }
            hy[i] = v;
        }
        double yhy = StrongWolfeLineSearch.dot(y, hy);
        double factor = (1 + rho * yhy) * rho;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i * n + j] += factor * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j]);
            }
        }
    }
}
