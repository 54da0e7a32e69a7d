package org.mixlogit.integration;

import java.util.Locale;

import org.apache.commons.math3.special.Gamma;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.math.NormalQuantile;

/**
 * The change of variables behind the adaptive rules. The mixing integral of one decision-maker is
 * I = integral f(b) phi_D(b) db over a D-dimensional standard normal b. With a centre c (the posterior mode) and a
 * lower-triangular factor L (the Cholesky factor of the inverse of the posterior's curvature), substitute
 * b = c + L t for t with density q:
 * I = integral f(c + L t) [ |L| phi_D(c + L t) / q(t) ] q(t) dt,
 * so a rule (t_r, w_r) for the density q gives nodes b_r = c + L t_r with weights w_r |L| phi_D(b_r) / q(t_r). For
 * a normal q and a quadrature rule this is adaptive quadrature (Liu and Pierce 1994; with a sparse grid, Heiss
 * 2008): exact whenever f phi_D / q is a polynomial of the rule's degree, in particular for a Gaussian posterior
 * whose mode and curvature are c and L. For equal-weight draws from q it is importance sampling with the exact
 * importance weights phi_D(b_r) / q(t_r) (unbiased for I at any c and L).
 *
 * <p>The density q: the standard normal (every type), or for the importance samplers a multivariate Student t with
 * an even number nu of degrees of freedom, t = z sqrt(nu / chi) with z the base rule's first D normal variates and
 * chi = -2 sum log U_j a chi-square variate from nu / 2 further uniform coordinates U_j = Phi(z_(D + j)) of the same
 * base sequence. The t's heavier tails bound phi_D / q, so the importance weights stay bounded where a person's
 * likelihood flattens (a normal q narrower than the prior does not).
 *
 * <p>Base rules: Gauss-Hermite products (agh), the nested Genz-Keister sparse grid (adaptive-sparse), Halton or Sobol
 * draws keyed by the decision-maker's ordinal (adaptive-halton, adaptive-sobol). Immutable; each worker takes its
 * own {@link Mapper}.
 */
public final class AdaptiveNodes {
    private final DrawType type;
    private final IntegrationRule base;
    private final int dimension;
    private final int degrees;
    private final int count;
    /** log of the t density's constant, Gamma((nu + D) / 2) / (Gamma(nu / 2) (nu pi)^(D / 2)), less log phi's. */
    private final double logConstant;

    /**
     * The adaptive form of {@code config}'s type in {@code dimension} dimensions.
     *
     * @throws InvalidSpecificationException if the type is not adaptive, or a Student t proposal is asked of a
     *     quadrature rule
     */
    public AdaptiveNodes(IntegrationConfig config, int dimension) {
        if (config == null || !config.type().isAdaptive()) {
            throw new IllegalArgumentException("AdaptiveNodes needs an adaptive rule (agh, adaptive-sparse,"
                    + " adaptive-halton, adaptive-sobol), not " + (config == null ? "null" : config.type()) + ".");
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension is " + dimension + ": adaptive rules need at least one"
                    + " random dimension.");
        }
        this.type = config.type();
        this.dimension = dimension;
        boolean sampler = type == DrawType.ADAPTIVE_HALTON || type == DrawType.ADAPTIVE_SOBOL;
        this.degrees = sampler ? config.proposalDegrees() : 0;
        IntegrationConfig baseConfig = config.withType(type.baseType());
        IntegrationRules.checkGridSize(baseConfig, dimension);
        this.base = IntegrationRules.create(baseConfig, dimension + degrees / 2);
        this.count = base.nodeCount();
        double half = 0.5 * (degrees + dimension);
        this.logConstant = degrees == 0 ? 0.0 : Gamma.logGamma(half) - Gamma.logGamma(0.5 * degrees)
                - 0.5 * dimension * Math.log(degrees * Math.PI) + 0.5 * dimension * Math.log(2 * Math.PI);
    }

    /** Nodes per decision-maker. */
    public int nodeCount() {
        return count;
    }

    public int dimension() {
        return dimension;
    }

    /** The rule in words, e.g. "adaptive-sparse, level 4 (...), 257 nodes per decision-maker". */
    public String describe() {
        String what = base.describe();
        if (type == DrawType.ADAPTIVE_GH) {
            return String.format(Locale.ROOT, "adaptive gh, %d points per dimension, %d nodes per decision-maker",
                    Math.round(Math.pow(count, 1.0 / dimension)), count);
        }
        String proposal = degrees == 0 ? "normal proposal" : "Student t(" + degrees + ") proposal";
        if (type == DrawType.ADAPTIVE_SPARSE) {
            return type.code() + " at each posterior mode: " + what + " per decision-maker";
        }
        return type.code() + " (" + proposal + " at each posterior mode): " + what;
    }

    /** A worker's mapper; not thread-safe. */
    public Mapper newMapper() {
        return new Mapper();
    }

    /** Maps one decision-maker's base nodes; owns its scratch. */
    public final class Mapper {
        private final NodeCursor cursor = base.newCursor();
        private final int width = base.dimension();
        private final double[] u = new double[count * width];
        private final double[] w = new double[count];
        private final double[] t = new double[dimension];

        /**
         * The decision-maker's nodes b_r = c + L t_r and weights w_r |L| phi_D(b_r) / q(t_r).
         *
         * @param ordinal the decision-maker's ordinal (keys the base draws)
         * @param centre Not modified: c, D values
         * @param cholesky Not modified: L, D x D row-major, lower triangle read, positive diagonal
         * @param nodes <b>Modified</b>: count x D from {@code nodeOffset}
         * @param weights <b>Modified</b>: count from {@code weightOffset}
         */
        public void map(int ordinal, double[] centre, double[] cholesky, double[] nodes, int nodeOffset,
                double[] weights, int weightOffset) {
            int d = dimension;
            cursor.fill(ordinal, u, w);
            double logDet = 0;
            for (int a = 0; a < d; a++) {
                logDet += Math.log(cholesky[a * d + a]);
            }
            for (int q = 0; q < count; q++) {
                int uq = q * width;
                double normU = 0;
                double logQ;
                if (degrees == 0) {
                    for (int a = 0; a < d; a++) {
                        t[a] = u[uq + a];
                        normU += t[a] * t[a];
                    }
                    logQ = -0.5 * normU;
                } else {
                    double chi = 0;
                    for (int j = 0; j < degrees / 2; j++) {
                        chi -= 2 * logUniform(u[uq + d + j]);
                    }
                    double stretch = Math.sqrt(degrees / chi);
                    for (int a = 0; a < d; a++) {
                        t[a] = u[uq + a] * stretch;
                        normU += t[a] * t[a];
                    }
                    logQ = logConstant - 0.5 * (degrees + d) * Math.log1p(normU / degrees);
                }
                double norm = 0;
                for (int a = 0; a < d; a++) {
                    double b = centre[a];
                    for (int c = 0; c <= a; c++) {
                        b += cholesky[a * d + c] * t[c];
                    }
                    nodes[nodeOffset + q * d + a] = b;
                    norm += b * b;
                }
                // degrees 0: the same arithmetic as adaptive Gauss-Hermite always used, w exp(log|L| - |b|^2/2 + |u|^2/2)
                weights[weightOffset + q] = degrees == 0 ? w[q] * Math.exp(logDet - 0.5 * norm + 0.5 * normU)
                        : w[q] * Math.exp(logDet - 0.5 * norm - logQ);
            }
        }
    }

    /** log Phi(z) for a base normal variate z: the uniform it came from, accurate in both tails. */
    private static double logUniform(double z) {
        return z < 0 ? Math.log(NormalQuantile.cdf(z)) : Math.log1p(-NormalQuantile.cdf(-z));
    }
}
