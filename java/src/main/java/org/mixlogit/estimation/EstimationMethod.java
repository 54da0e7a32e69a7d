package org.mixlogit.estimation;

import java.util.Locale;

import org.mixlogit.InvalidSpecificationException;

/** The estimation principle. */
public enum EstimationMethod {
    /** Maximum simulated likelihood. */
    MSLE("msle"),
    /** Method of simulated moments (simulated GMM), consistent with a fixed number of draws. */
    MSM("msm");

    private final String code;

    EstimationMethod(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Maps "msle"/"mle"/"ml" and "msm"/"gmm" onto a method; the front ends' one door. */
    public static EstimationMethod fromCode(String code) {
        if (code != null) {
            String c = code.trim().toLowerCase(Locale.ROOT);
            if (c.equals("msle") || c.equals("msl") || c.equals("mle") || c.equals("ml")) {
                return MSLE;
            }
            if (c.equals("msm") || c.equals("gmm") || c.equals("smm")) {
                return MSM;
            }
        }
        throw new InvalidSpecificationException("Unknown estimation method '" + code + "': use msle (maximum"
                + " simulated likelihood) or msm (method of simulated moments).");
    }

    @Override
    public String toString() {
        return code;
    }
}
