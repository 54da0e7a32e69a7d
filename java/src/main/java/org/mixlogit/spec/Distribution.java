package org.mixlogit.spec;

import java.util.Locale;
import java.util.StringJoiner;

import org.mixlogit.InvalidSpecificationException;

/**
 * How a coefficient varies over decision-makers: the one entry point for distribution codes, which the front ends
 * map user words onto ({@link #fromCode(String)}). Each constant holds its {@link CoefficientTransform}, the one
 * object that knows the distribution. Each random distribution has a location parameter {@code m} (estimated as
 * the coefficient's "mean" parameter, possibly shifted by heterogeneity) and a scale parameter {@code s}
 * (estimated as "sd." or "spread."), applied to a standard variate drawn per decision-maker from a standard normal
 * node z:
 * <ul>
 * <li>{@link #FIXED} ("f"): beta = m; no scale.</li>
 * <li>{@link #NORMAL} ("n"): beta = m + s z. Mean m, standard deviation |s|.</li>
 * <li>{@link #LOGNORMAL} ("ln"): beta = exp(m + s z). m and s are the mean and standard deviation of log(beta);
 * the coefficient is positive, so a coefficient expected negative needs its variable sign-reversed by the user.
 * Median exp(m), mean exp(m + s^2/2), variance (exp(s^2) - 1) exp(2m + s^2).</li>
 * <li>{@link #TRIANGULAR} ("t"): beta = m + s t, t symmetric triangular on [-1, 1] (centre m, spread |s|).
 * Mean m, standard deviation |s| / sqrt(6).</li>
 * <li>{@link #UNIFORM} ("u"): beta = m + s (2p - 1), p = Phi(z) (centre m, spread |s|). Mean m, standard
 * deviation |s| / sqrt(3).</li>
 * <li>{@link #CENSORED_NORMAL} ("cn"): beta = max(0, m + s z): a normal whose negative mass piles up at exactly
 * zero (probability Phi(-m/|s|)). Mean m Phi(m/|s|) + |s| phi(m/|s|).</li>
 * <li>{@link #TRUNCATED_NORMAL} ("tn"): beta ~ N(m, s^2) conditioned on beta &gt; 0 (no mass at zero; drawn as
 * m + |s| Phi^-1(Phi(-m/|s|) + p (1 - Phi(-m/|s|)))). Mean m + |s| phi(m/|s|) / Phi(m/|s|).</li>
 * <li>{@link #EXPONENTIAL} ("e"): beta = m + s E, E = -log Phi(-z) ~ Exp(1): one-sided, starting at m with its
 * tail in the direction of the sign of s (a price coefficient with a long negative tail has s &lt; 0). Mean m + s,
 * median m + s ln 2, standard deviation |s|.</li>
 * </ul>
 * The sign of s is identified only for the exponential; for the others only |s| matters and reported scales are
 * |s|. Normal, lognormal and censored normal coefficients are functions of one underlying normal and may join the
 * correlated block; normal, triangular and uniform ones may have their location fixed at zero (error
 * components).
 */
public enum Distribution {
    FIXED(new FixedTransform()),
    NORMAL(new NormalTransform()),
    LOGNORMAL(new LognormalTransform()),
    TRIANGULAR(new TriangularTransform()),
    UNIFORM(new UniformTransform()),
    CENSORED_NORMAL(new CensoredNormalTransform()),
    TRUNCATED_NORMAL(new TruncatedNormalTransform()),
    EXPONENTIAL(new ExponentialTransform());

    private final CoefficientTransform transform;

    Distribution(CoefficientTransform transform) {
        this.transform = transform;
    }

    /** The object that knows this distribution: draws, derivatives, moments and rules. */
    public CoefficientTransform transform() {
        return transform;
    }

    /** The short code shared with mlogit/logitr/gmnl ("n", "ln", "t", "u", "cn", "tn", "e"; "f" for fixed). */
    public String code() {
        return transform.code();
    }

    public String label() {
        return transform.label();
    }

    public boolean isRandom() {
        return transform.isRandom();
    }

    /** Prefix of the scale parameter's name: "sd" for most, "spread" for triangular and uniform. */
    public String scalePrefix() {
        return transform.scalePrefix();
    }

    /** Maps a user's code or name ("n", "ln", "normal", "cn", ...) to a distribution; the front ends' one door. */
    public static Distribution fromCode(String code) {
        if (code != null) {
            String c = code.trim().toLowerCase(Locale.ROOT);
            for (Distribution d : values()) {
                if (d.code().equals(c) || d.name().toLowerCase(Locale.ROOT).equals(c) || d.label().equals(c)) {
                    return d;
                }
            }
        }
        throw new InvalidSpecificationException("Unknown distribution '" + code + "': use one of " + describeCodes()
                + ".");
    }

    /** Every code with its name, random ones first: "n (normal), ln (lognormal), ..., or f (fixed)". */
    public static String describeCodes() {
        StringJoiner random = new StringJoiner(", ");
        for (Distribution d : values()) {
            if (d.isRandom()) {
                random.add(d.code() + " (" + d.label() + ")");
            }
        }
        return random + ", or " + FIXED.code() + " (" + FIXED.label() + ")";
    }

    /** Population mean of beta given location m and scale s. */
    public double mean(double m, double s) {
        return transform.mean(m, s);
    }

    /** Population median of beta. */
    public double median(double m, double s) {
        return transform.median(m, s);
    }

    /** Population standard deviation of beta. */
    public double standardDeviation(double m, double s) {
        return transform.standardDeviation(m, s);
    }

    @Override
    public String toString() {
        return label();
    }
}
