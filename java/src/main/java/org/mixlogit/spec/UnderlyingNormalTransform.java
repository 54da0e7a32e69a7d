package org.mixlogit.spec;

import org.mixlogit.math.NormalQuantile;

/**
 * The distributions that are a nondecreasing function of one underlying normal, beta = f(u) with u = m + s z and z
 * the normal node itself (lognormal, censored normal). The variate is the node, so such a coefficient may join a
 * correlated block, where u = m + (L z)_k; s and -s give the same u, so the sign of s is not identified; and f being
 * nondecreasing, the median and the quantiles of beta are f at those of u. A subclass gives f at one point
 * ({@link #ofUnderlying}), the moments and density of beta, and its own loops over the draws in {@link #apply}
 * and {@link #secondDerivatives}: each loop stays in the concrete class, where f and its derivatives are written
 * inline, so that no draw pays a virtual call.
 *
 * <p>The normal itself, f(u) = u, is a {@link SymmetricLocationScaleTransform}: its loops are that family's.
 */
abstract class UnderlyingNormalTransform extends NamedTransform {
    UnderlyingNormalTransform(String code, String label) {
        super(code, label, "sd");
    }

    /** beta = f(u) at one value u of the underlying normal (the loops of {@link #apply} write f inline). */
    abstract double ofUnderlying(double u);

    @Override
    public final double variate(double z) {
        return z;
    }

    @Override
    public final boolean variateIsNode() {
        return true;
    }

    /** f(m). */
    @Override
    public final double median(double location, double scale) {
        return ofUnderlying(location);
    }

    /** f(m + |s| Phi^-1(p)). */
    @Override
    public final double quantile(double p, double location, double scale) {
        return ofUnderlying(location + Math.abs(scale) * NormalQuantile.quantile(p));
    }

    @Override
    public final boolean scaleSignIdentified() {
        return false;
    }

    @Override
    public final boolean mayJoinCorrelatedBlock() {
        return true;
    }
}
