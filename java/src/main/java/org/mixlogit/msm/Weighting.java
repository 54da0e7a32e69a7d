package org.mixlogit.msm;

import java.util.Locale;

import org.mixlogit.InvalidSpecificationException;

/** How the moments are weighted in the GMM criterion. */
public enum Weighting {
    /** One step with the identity (or the user's) weighting matrix. */
    ONE_STEP("one-step"),
    /**
     * Two-step efficient GMM: a one-step estimate, then the weighting matrix Var(g)^-1 estimated there (moment
     * contributions clustered by decision-maker), and the criterion minimized again.
     */
    TWO_STEP("two-step");

    private final String code;

    Weighting(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Maps "one-step"/"onestep"/"identity" and "two-step"/"twostep"/"efficient" onto a weighting. */
    public static Weighting fromCode(String code) {
        if (code != null) {
            String c = code.trim().toLowerCase(Locale.ROOT).replace("_", "-");
            if (c.equals("one-step") || c.equals("onestep") || c.equals("identity") || c.equals("one")) {
                return ONE_STEP;
            }
            if (c.equals("two-step") || c.equals("twostep") || c.equals("efficient") || c.equals("two")) {
                return TWO_STEP;
            }
        }
        throw new InvalidSpecificationException("Unknown weighting '" + code + "': use one-step (identity or your"
                + " weighting matrix) or two-step (efficient GMM).");
    }

    @Override
    public String toString() {
        return code;
    }
}
