package org.mixlogit.spec;

import java.util.Locale;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.math.NormalQuantile;

/**
 * How a coefficient varies over decision-makers. Each random distribution has a location parameter
 * {@code m} (estimated as the coefficient's "mean" parameter, possibly shifted by heterogeneity) and a scale
 * parameter {@code s} (estimated as "sd." or "spread."), applied to a standard variate drawn per decision-maker:
 * <ul>
 * <li>{@link #FIXED}: beta = m; no scale.</li>
 * <li>{@link #NORMAL}: beta = m + s z, z ~ N(0,1). Mean m, standard deviation |s|.</li>
 * <li>{@link #LOGNORMAL}: beta = exp(m + s z). m and s are the mean and standard deviation of log(beta); the
 * coefficient is positive, so a coefficient expected negative needs its variable sign-reversed by the user.
 * Median exp(m), mean exp(m + s^2/2), variance (exp(s^2) - 1) exp(2m + s^2).</li>
 * <li>{@link #TRIANGULAR}: beta = m + s t, t symmetric triangular on [-1, 1] (centre m, spread |s|).
 * Mean m, standard deviation |s| / sqrt(6).</li>
 * <li>{@link #UNIFORM}: beta = m + s (2p - 1), p ~ U(0,1) (centre m, spread |s|). Mean m, standard deviation
 * |s| / sqrt(3).</li>
 * <li>{@link #CENSORED_NORMAL}: beta = max(0, m + s z): a normal whose negative mass piles up at exactly zero
 * (probability Phi(-m/|s|)). Mean m Phi(m/|s|) + |s| phi(m/|s|).</li>
 * <li>{@link #TRUNCATED_NORMAL}: beta ~ N(m, s^2) conditioned on beta &gt; 0 (no mass at zero; drawn as
 * m + |s| Phi^-1(Phi(-m/|s|) + p (1 - Phi(-m/|s|)))). Mean m + |s| phi(m/|s|) / Phi(m/|s|).</li>
 * </ul>
 * The sign of s is not identified for any of them; reported scales are |s|. Every rule supplies standard normal
 * nodes z; the uniform variate of the uniform, triangular and truncated distributions is p = Phi(z).
 */
public enum Distribution {
    FIXED("f", "fixed"),
    NORMAL("n", "normal"),
    LOGNORMAL("ln", "lognormal"),
    TRIANGULAR("t", "triangular"),
    UNIFORM("u", "uniform"),
    CENSORED_NORMAL("cn", "censored normal at zero"),
    TRUNCATED_NORMAL("tn", "truncated normal at zero");

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private final String code;
    private final String label;

    Distribution(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The short code shared with mlogit/logitr/gmnl ("n", "ln", "t", "u", "cn", "tn"; "f" for fixed). */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean isRandom() {
        return this != FIXED;
    }

    /** True when beta is a function of m + s z with z normal, so the variate can join a correlated block. */
    public boolean isNormalBased() {
        return this == NORMAL || this == LOGNORMAL || this == CENSORED_NORMAL;
    }

    /** Prefix of the scale parameter's name: "sd" for the normal family, "spread" for triangular and uniform. */
    public String scalePrefix() {
        return this == TRIANGULAR || this == UNIFORM ? "spread" : "sd";
    }

    /** Maps a user's code or name ("n", "ln", "normal", "cn", ...) to a distribution; the front ends' one door. */
    public static Distribution fromCode(String code) {
        if (code != null) {
            String c = code.trim().toLowerCase(Locale.ROOT);
            for (Distribution d : values()) {
                if (d.code.equals(c) || d.name().toLowerCase(Locale.ROOT).equals(c)
                        || d.label.equals(c)) {
                    return d;
                }
            }
        }
        throw new InvalidSpecificationException("Unknown distribution '" + code + "': use one of n (normal),"
                + " ln (lognormal), t (triangular), u (uniform), cn (censored normal at zero),"
                + " tn (truncated normal at zero), or f (fixed).");
    }

    /** Population mean of beta given location m and scale s. */
    public double mean(double m, double s) {
        double a = Math.abs(s);
        switch (this) {
            case LOGNORMAL:
                return Math.exp(m + 0.5 * s * s);
            case CENSORED_NORMAL:
                return a == 0 ? Math.max(0, m) : m * cdf(m / a) + a * pdf(m / a);
            case TRUNCATED_NORMAL:
                if (a > 0 && m / a < FarLeftNormal.THRESHOLD) {
                    return a * FarLeftNormal.truncatedMeanOverScale(m / a);
                }
                return a == 0 ? m : m + a * pdf(m / a) / cdf(m / a);
            default:
                return m;
        }
    }

    /** Population median of beta. */
    public double median(double m, double s) {
        double a = Math.abs(s);
        switch (this) {
            case LOGNORMAL:
                return Math.exp(m);
            case CENSORED_NORMAL:
                return Math.max(0, m);
            case TRUNCATED_NORMAL:
                if (a > 0 && m / a < FarLeftNormal.THRESHOLD) {
                    return a * (m / a - FarLeftNormal.quantileOfScaledCdf(0.5, m / a));
                }
                // from the lower tail: 1 - Phi(c) / 2 rounds to 1 once Phi(c) < 2e-16
                return a == 0 ? m : m - a * NormalQuantile.quantile(0.5 * cdf(m / a));
            default:
                return m;
        }
    }

    /** Population standard deviation of beta. */
    public double standardDeviation(double m, double s) {
        double a = Math.abs(s);
        switch (this) {
            case FIXED:
                return 0;
            case NORMAL:
                return a;
            case LOGNORMAL:
                return Math.sqrt(Math.expm1(s * s)) * Math.exp(m + 0.5 * s * s);
            case TRIANGULAR:
                return a / Math.sqrt(6);
            case UNIFORM:
                return a / Math.sqrt(3);
            case CENSORED_NORMAL: {
                if (a == 0) {
                    return 0;
                }
                double c = m / a;
                double mean = mean(m, s);
                double second = (m * m + a * a) * cdf(c) + m * a * pdf(c);
                return Math.sqrt(Math.max(0, second - mean * mean));
            }
            case TRUNCATED_NORMAL: {
                if (a == 0) {
                    return 0;
                }
                double c = m / a;
                if (c < FarLeftNormal.THRESHOLD) {
                    return a * FarLeftNormal.truncatedSdOverScale(c);
                }
                double lambda = pdf(c) / cdf(c);
                return a * Math.sqrt(Math.max(0, 1 - lambda * (lambda + c)));
            }
            default:
                throw new AssertionError(this);
        }
    }

    private static double cdf(double x) {
        return STANDARD_NORMAL.cumulativeProbability(x);
    }

    private static double pdf(double x) {
        return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }

    @Override
    public String toString() {
        return label;
    }
}
