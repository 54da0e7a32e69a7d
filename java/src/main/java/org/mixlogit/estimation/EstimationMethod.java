package org.mixlogit.estimation;

import java.util.Locale;

import org.mixlogit.InvalidSpecificationException;

/** The estimation principle. */
public enum EstimationMethod {
    /** Maximum simulated likelihood. */
    MSLE("msle"),
    /** Method of simulated moments (simulated GMM), consistent with a fixed number of draws. */
    MSM("msm"),
    /**
     * Method of simulated scores: the root of the summed simulated scores, each person's an unbiased simulator (the
     * mean over exact posterior draws by accept-reject), so consistent with a fixed number of draws.
     */
    MSS("mss");

    private final String code;

    EstimationMethod(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Maps "msle"/"mle"/"ml", "msm"/"gmm" and "mss"/"scores" onto a method; the front ends' one door. */
    public static EstimationMethod fromCode(String code) {
        if (code != null) {
            String c = code.trim().toLowerCase(Locale.ROOT);
            if (c.equals("msle") || c.equals("msl") || c.equals("mle") || c.equals("ml")) {
                return MSLE;
            }
            if (c.equals("msm") || c.equals("gmm") || c.equals("smm")) {
                return MSM;
            }
            if (c.equals("mss") || c.equals("scores") || c.equals("simulated-scores")) {
                return MSS;
            }
        }
        throw new InvalidSpecificationException("Unknown estimation method '" + code + "': use msle (maximum"
                + " simulated likelihood), msm (method of simulated moments) or mss (method of simulated scores).");
    }

    @Override
    public String toString() {
        return code;
    }
}
