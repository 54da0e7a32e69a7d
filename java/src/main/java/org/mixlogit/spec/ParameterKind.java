package org.mixlogit.spec;

/** What a parameter of the vector theta is. */
public enum ParameterKind {
    /** A fixed coefficient, or the location of a random one (mean, log-mean for lognormal, centre). */
    MEAN,
    /** pi_kc: how characteristic c shifts the location of random coefficient k. */
    HETEROGENEITY,
    /** The scale of an independent random coefficient (sd or spread; its sign is not identified). */
    SCALE,
    /** An element L_ab (a &gt;= b) of the lower Cholesky factor of the correlated block's covariance. */
    CHOLESKY,
    /** A parameter of the latent class shares' logit: a class's constant or a membership characteristic's. */
    MEMBERSHIP
}
