package org.mixlogit.spec;

/**
 * The standard normal far in its left tail (x &lt;= -30), where Phi(x) and phi(x) underflow doubles, through the
 * asymptotic (Mills-ratio) series Phi(x) = phi(x) / (-x) M(1/x^2), M(u) = 1 - u + 3u^2 - 15u^3 + 105u^4 - 945u^5,
 * whose truncation error there is below 1e-12 relative. Used for truncated normal coefficients whose location is
 * many scales below zero.
 */
final class FarLeftNormal {
    /** Below this argument the far-left formulas are used. */
    static final double THRESHOLD = -30.0;

    private FarLeftNormal() {
    }

    /** M(1/x^2). */
    static double series(double x) {
        double u = 1.0 / (x * x);
        return 1 - u * (1 - u * (3 - u * (15 - u * (105 - u * 945))));
    }

    /** 1 - M(1/x^2) = u - 3u^2 + 15u^3 - 105u^4 + 945u^5, without cancellation. */
    static double oneMinusSeries(double x) {
        double u = 1.0 / (x * x);
        return u * (1 - u * (3 - u * (15 - u * (105 - u * 945))));
    }

    /** log Phi(x). */
    static double logCdf(double x) {
        return -0.5 * x * x - 0.5 * Math.log(2 * Math.PI) - Math.log(-x) + Math.log(series(x));
    }

    /** d log Phi(x) / dx = phi(x) / Phi(x), the inverse Mills ratio. */
    static double inverseMills(double x) {
        return -x / series(x);
    }

    /**
     * The x with Phi(x) = e Phi(c), for c &lt;= -30 and 0 &lt; e &lt;= 1, by Newton steps on log Phi from
     * x = c + log(e) / (-c).
     */
    static double quantileOfScaledCdf(double e, double c) {
        double logE = Math.log(e);
        double target = logE + logCdf(c);
        double x = c + logE / -c;
        for (int step = 0; step < 8; step++) {
            double dx = (logCdf(x) - target) / inverseMills(x);
            x -= dx;
            if (Math.abs(dx) <= 1e-15 * Math.abs(x)) {
                break;
            }
        }
        return x;
    }

    /** Mean of a truncated N(m, a^2) at zero in units of a, (c + lambda(c)) with c = m / a &lt;= -30. */
    static double truncatedMeanOverScale(double c) {
        return -c * oneMinusSeries(c) / series(c);
    }

    /** Standard deviation of a truncated N(m, a^2) at zero in units of a, for c = m / a &lt;= -30. */
    static double truncatedSdOverScale(double c) {
        double u = 1.0 / (c * c);
        return Math.sqrt(u * (1 - u * (8 - 69 * u))) / series(c);
    }
}
