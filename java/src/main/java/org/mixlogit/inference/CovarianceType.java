package org.mixlogit.inference;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import org.mixlogit.InvalidSpecificationException;

/** How the covariance of the estimates is computed. */
public enum CovarianceType {
    /** Inverse of the negative Hessian (finite differences of the analytic gradient, symmetrised). */
    HESSIAN("hessian", "Hessian (observed information)", "oim"),
    /** Inverse of the outer product of the per-decision-maker scores (BHHH). */
    OPG("opg", "outer product of gradients"),
    /** Sandwich H^-1 (sum_n s_n s_n') H^-1, robust to misspecification. */
    ROBUST("robust", "robust sandwich"),
    /** Sandwich with scores summed within clusters, times G / (G - 1). */
    CLUSTER("cluster", "cluster-robust"),
    /**
     * The GMM sandwich of the method of simulated moments, (G'WG)^-1 G'W V W G (G'WG)^-1 with V the covariance of
     * the moments, contributions clustered by decision-maker; simulation noise in the moments is included in V.
     */
    GMM("gmm", "GMM sandwich");

    private final String code;
    private final String label;
    private final List<String> aliases;

    CovarianceType(String code, String label, String... aliases) {
        this.code = code;
        this.label = label;
        this.aliases = Collections.unmodifiableList(Arrays.asList(aliases));
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The other words {@link #fromCode(String)} accepts for this type ("oim", Stata's word, for the Hessian). */
    public List<String> aliases() {
        return aliases;
    }

    /**
     * True when the type needs the likelihood's Hessian or per-decision-maker scores, which an estimate by the
     * method of simulated moments does not have (it reports the GMM sandwich instead).
     */
    public boolean needsLikelihood() {
        return this == HESSIAN || this == OPG;
    }

    /** True when the type needs the simulated moments and their weighting, which only an MSM estimate has. */
    public boolean needsMoments() {
        return this == GMM;
    }

    /** Maps a code or alias ("hessian"/"oim", "opg", "robust", "cluster", "gmm"; any case) onto a type. */
    public static CovarianceType fromCode(String code) {
        if (code != null) {
            String c = code.trim().toLowerCase(Locale.ROOT);
            for (CovarianceType t : values()) {
                if (t.code.equals(c) || t.aliases.contains(c)) {
                    return t;
                }
            }
        }
        StringJoiner codes = new StringJoiner(", ");
        for (CovarianceType t : values()) {
            codes.add(t.code);
        }
        throw new InvalidSpecificationException("Unknown covariance type '" + code + "': use one of " + codes + ".");
    }

    @Override
    public String toString() {
        return code;
    }
}
