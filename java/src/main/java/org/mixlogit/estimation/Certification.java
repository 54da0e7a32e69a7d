package org.mixlogit.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mixlogit.inference.Covariances;
import org.mixlogit.optim.Optimum;

/**
 * Whether the winning optimum is a certified local optimum of the estimation criterion, and what was found, in
 * words: the optimizer converged, the scaled gradient is below the square root of the certification's tolerance
 * ({@link org.mixlogit.optim.OptimizerConfig#certificationTolerance()}), and the curvature
 * is definite (the Hessian of the log-likelihood negative definite; for MSM, G'WG positive definite). Immutable.
 */
public final class Certification {
    /**
     * The curvature is treated as singular when, scaled to unit diagonal (so that the parameters' units do not
     * matter), its smallest eigenvalue is below this share of its largest: the estimate is then not certified and
     * the parameters along the flat direction are named ({@link NullDirection}). 1e-8 corresponds to a condition
     * number of 1e8, beyond which standard errors carry fewer than half of the digits of double precision.
     */
    static final double RELATIVE_EIGENVALUE_TOLERANCE = 1e-8;

    /** The criterion an estimator optimizes: decides the wording and the sign of the curvature reported. */
    public enum Criterion {
        /** The simulated log-likelihood, maximized; the curvature is its Hessian. */
        LOG_LIKELIHOOD("Certified local maximum", "Hessian", 1) {
            @Override
            String notDefinite(double[] eigenvalues) {
                return String.format(Locale.ROOT, "the Hessian is not negative definite (largest eigenvalue %.3g):"
                        + " not a strict local maximum, or a parameter is not identified",
                        eigenvalues[eigenvalues.length - 1]);
            }
        },
        /** The GMM criterion, minimized; the curvature is G'WG, stored as the "Hessian" -G'WG. */
        GMM("Certified local minimum of the GMM criterion", "G'WG", -1) {
            @Override
            String notDefinite(double[] eigenvalues) {
                return "G'WG is singular: the moments do not identify every parameter at the estimate";
            }
        };

        private final String certified;
        private final String curvature;
        private final double sign;

        Criterion(String certified, String curvature, double sign) {
            this.certified = certified;
            this.curvature = curvature;
            this.sign = sign;
        }

        abstract String notDefinite(double[] eigenvalues);
    }

    /** The certification of a cancelled estimation, which skips inference. */
    static final Certification CANCELLED = new Certification(false, "Not certified: the estimation was cancelled"
            + " before inference.");

    private final boolean certified;
    private final String text;

    private Certification(boolean certified, String text) {
        this.certified = certified;
        this.text = text;
    }

    /**
     * @param best the winning optimum
     * @param cov the covariances at it, whose Hessian eigenvalues (ascending) give the curvature
     * @param gradientTolerance the certification's gradient tolerance (never looser than the default); the scaled
     *                          gradient must be below its square root
     * @param names the parameter names, to name those along a flat direction
     */
    static Certification of(Optimum best, Covariances cov, double gradientTolerance, Criterion criterion,
            List<String> names) {
        List<String> failures = new ArrayList<>();
        if (!best.isConverged()) {
            failures.add("the optimizer did not converge (" + best.status() + ")");
        }
        if (!(best.gradientNorm() < Math.sqrt(gradientTolerance))) {
            failures.add(String.format(Locale.ROOT, "the scaled gradient %.3g is above tolerance",
                    best.gradientNorm()));
        }
        double[] e = cov.hessianEigenvalues();
        if (names.size() != e.length || e.length == 0) {
            if (!cov.isHessianNegativeDefinite()) {
                failures.add(criterion.notDefinite(e));
            }
        } else {
            // definiteness is judged at unit diagonal too: it is unchanged by the scaling, and the eigenvalues of a
            // matrix in extreme units are not computed accurately enough to judge it
            double[] h = cov.hessian();
            double[] curvature = new double[h.length];
            for (int i = 0; i < h.length; i++) {
                curvature[i] = -h[i];
            }
            NullDirection flat = NullDirection.of(curvature, names);
            boolean one = flat.parameters().size() == 1;
            if (!(flat.ratio() > 0)) {
                failures.add(criterion.notDefinite(e) + " (flat or wrong-signed along " + flat.named() + ")");
            } else if (!(flat.ratio() > RELATIVE_EIGENVALUE_TOLERANCE)) {
                failures.add(String.format(Locale.ROOT, "the %s is singular or nearly so (smallest over largest"
                        + " eigenvalue %.3g at unit diagonal, below %.0e): %s not identified along that direction"
                        + " (fix or drop %s, rescale, or add data that move %s)", criterion.curvature, flat.ratio(),
                        RELATIVE_EIGENVALUE_TOLERANCE, flat.named() + (one ? " is" : " are"),
                        one ? "it" : "one of them", one ? "it" : "them"));
            }
        }
        if (!failures.isEmpty()) {
            return new Certification(false, "Not certified: " + String.join("; ", failures) + ".");
        }
        double low = 0;
        double high = 0;
        if (e.length > 0) {
            double first = criterion.sign * e[0];
            double last = criterion.sign * e[e.length - 1];
            low = Math.min(first, last);
            high = Math.max(first, last);
        }
        return new Certification(true, String.format(Locale.ROOT, "%s: scaled gradient %.3g, %s eigenvalues in"
                + " [%.4g, %.4g].", criterion.certified, best.gradientNorm(), criterion.curvature, low, high));
    }

    /** True when every condition held. */
    public boolean isCertified() {
        return certified;
    }

    /** What the certification found, in words. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
