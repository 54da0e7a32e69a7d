package org.mixlogit.math;

import org.apache.commons.math3.special.Erf;

/**
 * The standard normal distribution function, density and quantile. The quantile is Wichura's algorithm AS 241
 * (PPND16; Applied Statistics 37:477-484, 1988), the rational approximations R's {@code qnorm} uses, with
 * relative accuracy about 1e-16 over the whole of (0, 1). Its tail branches work with sqrt(-log(min(p, 1 - p))),
 * so tiny probabilities such as 1e-300 keep their full precision, unlike an inverse through erfInv(2p - 1).
 */
public final class NormalQuantile {
    private static final double SQRT2 = Math.sqrt(2.0);
    private static final double INV_SQRT_2PI = 0.3989422804014327;

    private static final double SPLIT_CENTRAL = 0.425;
    private static final double SPLIT_TAIL = 5.0;
    private static final double CENTRAL_CONST = 0.180625;
    private static final double INTERMEDIATE_CONST = 1.6;

    private NormalQuantile() {
    }

    /**
     * The standard normal quantile Phi^-1(p).
     *
     * @param p a probability strictly between 0 and 1 (subnormal values are accepted)
     * @return z with Phi(z) = p
     * @throws IllegalArgumentException if p is not in (0, 1), or is NaN
     */
    public static double quantile(double p) {
        if (!(p > 0.0 && p < 1.0)) {
            throw new IllegalArgumentException("p is " + p + ": the normal quantile needs a probability strictly"
                    + " between 0 and 1.");
        }
        double q = p - 0.5;
        if (Math.abs(q) <= SPLIT_CENTRAL) {
            return q * central(CENTRAL_CONST - q * q);
        }
        // 1 - p is exact for p in [0.5, 1) (Sterbenz), so the upper tail loses nothing here.
        double tailProbability = q < 0 ? p : 1.0 - p;
        double r = Math.sqrt(-Math.log(tailProbability));
        double z = r <= SPLIT_TAIL ? intermediate(r - INTERMEDIATE_CONST) : farTail(r - SPLIT_TAIL);
        return q < 0 ? -z : z;
    }

    /** The standard normal distribution function Phi(z) = erfc(-z / sqrt 2) / 2, accurate in both tails. */
    public static double cdf(double z) {
        return 0.5 * Erf.erfc(-z / SQRT2);
    }

    /** The standard normal density phi(z). */
    public static double density(double z) {
        return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    }

    /** AS 241 for |p - 0.5| &lt;= 0.425, as a function of r = 0.180625 - (p - 0.5)^2; times (p - 0.5) gives z. */
    private static double central(double r) {
        double num = ((((((2.5090809287301226727e+3 * r
                + 3.3430575583588128105e+4) * r
                + 6.7265770927008700853e+4) * r
                + 4.5921953931549871457e+4) * r
                + 1.3731693765509461125e+4) * r
                + 1.9715909503065514427e+3) * r
                + 1.3314166789178437745e+2) * r
                + 3.3871328727963666080e+0;
        double den = ((((((5.2264952788528545610e+3 * r
                + 2.8729085735721942674e+4) * r
                + 3.9307895800092710610e+4) * r
                + 2.1213794301586595867e+4) * r
                + 5.3941960214247511077e+3) * r
                + 6.8718700749205790830e+2) * r
                + 4.2313330701600911252e+1) * r
                + 1.0;
        return num / den;
    }

    /** AS 241 for |p - 0.5| &gt; 0.425 and s = sqrt(-log(min(p, 1 - p))) &lt;= 5, as a function of r = s - 1.6. */
    private static double intermediate(double r) {
        double num = ((((((7.74545014278341407640e-4 * r
                + 2.27238449892691845833e-2) * r
                + 2.41780725177450611770e-1) * r
                + 1.27045825245236838258e+0) * r
                + 3.64784832476320460504e+0) * r
                + 5.76949722146069140550e+0) * r
                + 4.63033784615654529590e+0) * r
                + 1.42343711074968357734e+0;
        double den = ((((((1.05075007164441684324e-9 * r
                + 5.47593808499534494600e-4) * r
                + 1.51986665636164571966e-2) * r
                + 1.48103976427480074590e-1) * r
                + 6.89767334985100004550e-1) * r
                + 1.67638483018380384940e+0) * r
                + 2.05319162663775882187e+0) * r
                + 1.0;
        return num / den;
    }

    /** AS 241 for s = sqrt(-log(min(p, 1 - p))) &gt; 5 (p below about 1.4e-11), as a function of r = s - 5. */
    private static double farTail(double r) {
        double num = ((((((2.01033439929228813265e-7 * r
                + 2.71155556874348757815e-5) * r
                + 1.24266094738807843860e-3) * r
                + 2.65321895265761230930e-2) * r
                + 2.96560571828504891230e-1) * r
                + 1.78482653991729133580e+0) * r
                + 5.46378491116411436990e+0) * r
                + 6.65790464350110377720e+0;
        double den = ((((((2.04426310338993978564e-15 * r
                + 1.42151175831644588870e-7) * r
                + 1.84631831751005468180e-5) * r
                + 7.86869131145613259100e-4) * r
                + 1.48753612908506148525e-2) * r
                + 1.36929880922735805310e-1) * r
                + 5.99832206555887937690e-1) * r
                + 1.0;
        return num / den;
    }
}
