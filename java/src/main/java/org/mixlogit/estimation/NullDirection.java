package org.mixlogit.estimation;

import java.util.ArrayList;
import java.util.List;

import org.mixlogit.inference.PositiveDefinite;

/**
 * The direction along which a symmetric positive semi-definite curvature matrix (minus the Hessian of the
 * log-likelihood, G'WG, G'G) is flattest, measured unit-free: the matrix is first scaled to unit diagonal
 * (C = D A D with D = diag(1 / sqrt(A_ii))), which leaves its definiteness unchanged but makes the test independent
 * of the parameters' units. Immutable.
 */
final class NullDirection {
    /** A parameter is named when its loading on the unit null direction exceeds this in absolute value. */
    static final double LOADING = 0.3;

    private final double ratio;
    private final List<String> parameters;

    private NullDirection(double ratio, List<String> parameters) {
        this.ratio = ratio;
        this.parameters = parameters;
    }

    /**
     * @param curvature Not modified: P x P symmetric, row-major, positive definite when the parameters are
     *        identified
     * @param names the P parameter names
     */
    static NullDirection of(double[] curvature, List<String> names) {
        int p = names.size();
        if (p == 0) {
            return new NullDirection(1.0, new ArrayList<>());
        }
        double[] d = new double[p];
        List<String> flat = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            double a = curvature[i * p + i];
            if (!(a > 0) || !Double.isFinite(a)) {
                flat.add(names.get(i));
            }
            d[i] = a > 0 && Double.isFinite(a) ? 1 / Math.sqrt(a) : 0;
        }
        if (!flat.isEmpty()) {
            return new NullDirection(0.0, flat);
        }
        double[] c = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < p; k++) {
                c[i * p + k] = curvature[i * p + k] * d[i] * d[k];
            }
        }
        double[] e = PositiveDefinite.eigenvalues(c, p);
        double largest = Math.max(Math.abs(e[0]), Math.abs(e[p - 1]));
        double[] v = PositiveDefinite.smallestEigenvector(c, p);
        List<String> involved = new ArrayList<>();
        int top = 0;
        for (int i = 0; i < p; i++) {
            if (Math.abs(v[i]) > LOADING) {
                involved.add(names.get(i));
            }
            if (Math.abs(v[i]) > Math.abs(v[top])) {
                top = i;
            }
        }
        if (involved.isEmpty()) {
            involved.add(names.get(top));
        }
        return new NullDirection(largest > 0 ? e[0] / largest : 0.0, involved);
    }

    /**
     * Smallest over largest eigenvalue (in absolute value) of the unit-diagonal form; 0 when a diagonal element is
     * not positive.
     */
    double ratio() {
        return ratio;
    }

    /** The parameters with the largest loadings on the flattest direction. */
    List<String> parameters() {
        return new ArrayList<>(parameters);
    }

    /** The parameters joined with "and". */
    String named() {
        return String.join(" and ", parameters);
    }
}
