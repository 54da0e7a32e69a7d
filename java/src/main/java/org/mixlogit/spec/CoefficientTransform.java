package org.mixlogit.spec;

/**
 * Everything the engine knows about one distribution of a coefficient: how a standard normal node becomes the
 * coefficient, with its first and second derivatives in the location m and scale s; the population quantities
 * (mean, median, standard deviation, quantiles, density); and the rules of the specification (may the scale's
 * sign be read, may the coefficient join a correlated block, may its location be fixed at zero, where does its
 * search start). Each {@link Distribution} constant holds one; a new distribution is one implementation and one
 * constant.
 *
 * <p><b>Draws.</b> Every integration rule supplies standard normal nodes z. {@link #variate(double)} maps a node
 * to the distribution's standard variate e once per node (the engine may cache it); {@link #apply} then gives,
 * for all draws of one decision-maker at once, beta = f(m, s, e) with d beta / d m and d beta / d s, and
 * {@link #secondDerivatives} the three second derivatives. Both work on whole rows (one element per draw) so that
 * the caller makes one call per coefficient and decision-maker and the loop over draws stays inside one class.
 *
 * <p><b>Correlated blocks.</b> A transform for which {@link #mayJoinCorrelatedBlock()} is true is a function of
 * the underlying normal: its variate is the node itself and beta = f(u) with u = m + s e. A member of a
 * correlated block is then evaluated as {@code apply(0, 1, u)} with u = m + (L z)_k, the block's Cholesky
 * combination, so d beta / d m returns f'(u) and the location-location second derivative f''(u).
 *
 * <p>Implementations are immutable and stateless, so one instance serves every thread. Most extend a partial one
 * in this package: {@code LocationScaleTransform} for beta = m + s e ({@code SymmetricLocationScaleTransform} when
 * e is symmetric about zero), {@code UnderlyingNormalTransform} for beta = f(m + s z); {@code NamedTransform}
 * carries the names, and {@code PiecewiseLinearTransform} the zero second derivatives of a beta without curvature.
 */
public interface CoefficientTransform {
    /** The short code shared with mlogit, logitr and gmnl ("n", "ln", ...; "f" for fixed). */
    String code();

    /** The name in words ("normal", "lognormal", ...). */
    String label();

    /** Prefix of the scale parameter's name: "sd" for most, "spread" for bounded symmetric ones. */
    String scalePrefix();

    /** False only for the fixed (non-random) coefficient. */
    default boolean isRandom() {
        return true;
    }

    /** True when the coefficient itself is normal, beta = m + s z (the shape adaptive quadrature needs). */
    default boolean isGaussian() {
        return false;
    }

    /**
     * The standard variate that {@link #apply} scales, from a standard normal node z; accurate in both tails
     * (each tail is computed from its own side, so no precision is lost to 1 - p).
     */
    double variate(double z);

    /** True when {@link #variate(double)} is the identity, so nodes are used as they are. */
    boolean variateIsNode();

    /**
     * The coefficient of every draw and its derivatives in the location and the scale.
     *
     * @param location m (the location parameter, including heterogeneity)
     * @param scale s (the scale parameter)
     * @param variate Not modified: the standard variates of the draws, {@code variate[0 .. draws)}
     * @param beta <b>Modified</b>: beta per draw
     * @param dLocation <b>Modified</b>: d beta / d m per draw
     * @param dScale <b>Modified</b>: d beta / d s per draw
     */
    void apply(double location, double scale, double[] variate, int draws, double[] beta, double[] dLocation,
            double[] dScale);

    /**
     * True when beta is piecewise linear in (m, s), so its second derivatives are zero wherever they exist and
     * {@link #secondDerivatives} need not be called.
     */
    boolean isPiecewiseLinear();

    /**
     * False when this transform has no analytic second derivatives; a Hessian then falls back to finite
     * differences of the analytic gradient.
     */
    default boolean hasSecondDerivatives() {
        return true;
    }

    /**
     * The second derivatives of beta in (m, s) for every draw, after {@link #apply} with the same arguments.
     *
     * @param variate Not modified: as given to {@link #apply}
     * @param beta Not modified: as {@link #apply} returned it
     * @param dLocationLocation <b>Modified</b>: d2 beta / d m2 per draw
     * @param dLocationScale <b>Modified</b>: d2 beta / d m d s per draw
     * @param dScaleScale <b>Modified</b>: d2 beta / d s2 per draw
     * @throws UnsupportedOperationException when {@link #hasSecondDerivatives()} is false
     */
    void secondDerivatives(double location, double scale, double[] variate, double[] beta, int draws,
            double[] dLocationLocation, double[] dLocationScale, double[] dScaleScale);

    /**
     * Null when (m, s) define a distribution, else the reason in words (for example a truncated normal with scale 0
     * and no positive mass), which the caller puts into its error message.
     */
    default String undefinedAt(double location, double scale) {
        return null;
    }

    /** Population mean of beta. */
    double mean(double location, double scale);

    /** Population median of beta. */
    double median(double location, double scale);

    /** Population standard deviation of beta. */
    double standardDeviation(double location, double scale);

    /**
     * The p-quantile of beta, 0 &lt; p &lt; 1: the smallest x with P(beta &lt;= x) &gt;= p (so the atom of a
     * censored distribution is its own quantile for every p up to its mass).
     */
    double quantile(double p, double location, double scale);

    /**
     * The density of beta at x with respect to Lebesgue measure: of the continuous part when beta has an atom
     * (the censored normal's point mass at zero has no density), +Inf at the point of a degenerate distribution.
     */
    double density(double x, double location, double scale);

    /** The probability of beta = 0 exactly (the atom of a censored distribution); 0 for continuous ones. */
    default double massAtZero(double location, double scale) {
        return 0.0;
    }

    /**
     * True when the sign of s is identified by the data (s and -s give different distributions of beta), so it is
     * reported, compared and searched as it is; false when only |s| matters.
     */
    boolean scaleSignIdentified();

    /** True when the coefficient is a function of one underlying normal and may join a correlated block. */
    boolean mayJoinCorrelatedBlock();

    /** True when fixing the location at zero gives a coefficient with mean zero (an error component). */
    boolean mayHaveZeroMean();

    /**
     * The name of the underlying normal of a correlated-block member {@code attribute} in reported covariances:
     * the attribute itself when the coefficient is that normal.
     */
    default String underlyingName(String attribute) {
        return attribute;
    }

    /** The size of a scale's default start (and of the Cholesky diagonal's), in the data's units. */
    double START_SCALE = 0.1;

    /** The default start of the scale, of size {@code magnitude}, given the plain-logit estimate b. */
    default double startScale(double plainLogit, double magnitude) {
        return magnitude;
    }

    /** The default start of the location given the plain-logit estimate b and the start of the scale. */
    double startLocation(double plainLogit, double scale);
}
