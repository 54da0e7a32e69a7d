package org.mixlogit.inference;

import java.util.Locale;

import org.mixlogit.InvalidSpecificationException;

/** How the covariance of the estimates is computed. */
public enum CovarianceType {
    /** Inverse of the negative Hessian (finite differences of the analytic gradient, symmetrised). */
    HESSIAN("hessian", "Hessian (observed information)"),
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

    CovarianceType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Maps "hessian"/"oim", "opg", "robust", "cluster", "gmm" onto a type. */
    public static CovarianceType fromCode(String code) {
        if (code != null) {
            String c = code.trim().toLowerCase(Locale.ROOT);
            if (c.equals("oim")) {
                return HESSIAN;
            }
            for (CovarianceType t : values()) {
                if (t.code.equals(c)) {
                    return t;
                }
            }
        }
        throw new InvalidSpecificationException("Unknown covariance type '" + code + "': use hessian, opg, robust,"
                + " cluster or gmm (method of simulated moments).");
    }

    @Override
    public String toString() {
        return code;
    }
}
