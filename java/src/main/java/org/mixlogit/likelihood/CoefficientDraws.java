package org.mixlogit.likelihood;

import java.util.Arrays;

import org.mixlogit.NumericalFailureException;
import org.mixlogit.math.NormalQuantile;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.FarLeftNormal;

/**
 * One worker's coefficients for every draw of one decision-maker: beta_r = f(location_n + scale * e_r) (or the
 * Cholesky combination for the correlated block), with d beta / d location and d beta / d scale. Arrays are one
 * row per coefficient ({@code beta[k][r]}) so the kernel's loops over draws start at index 0. Not thread-safe.
 */
final class CoefficientDraws {
    private static final int FIXED = 0;
    private static final int LINEAR = 1;
    private static final int LOGNORMAL = 2;
    private static final int CENSORED = 3;
    private static final int TRUNCATED = 4;

    private final ModelDesign m;
    private final int k;
    private final int d;
    private final int r;
    private final int b;
    private final int[] kind;
    private final double[] characteristics;
    private final int characteristicCount;
    private final double[] location;
    private final double[] scale;
    private final double[] truncatedCdf;
    private final double[] truncatedDensity;
    private final double[] cholesky;
    /** beta[k][r]: coefficient k in draw r. */
    final double[][] beta;
    /** d beta / d location. */
    final double[][] dLocation;
    /** d beta / d scale (independent coefficients). */
    final double[][] dScale;

    CoefficientDraws(ModelDesign design, int draws) {
        this.m = design;
        this.k = design.k;
        this.d = design.d;
        this.r = draws;
        this.b = design.blockMembers.length;
        this.kind = new int[k];
        for (int i = 0; i < k; i++) {
            kind[i] = kindOf(design.distribution[i]);
        }
        this.characteristics = design.data.characteristicsRef();
        this.characteristicCount = design.data.characteristicCount();
        location = new double[k];
        scale = new double[k];
        truncatedCdf = new double[k];
        truncatedDensity = new double[k];
        cholesky = new double[b * b];
        beta = new double[k][r];
        dLocation = new double[k][r];
        dScale = new double[k][r];
    }

    private static int kindOf(Distribution distribution) {
        switch (distribution) {
            case FIXED:
                return FIXED;
            case LOGNORMAL:
                return LOGNORMAL;
            case CENSORED_NORMAL:
                return CENSORED;
            case TRUNCATED_NORMAL:
                return TRUNCATED;
            default:
                return LINEAR;
        }
    }

    /**
     * Fills beta, dLocation and dScale for decision-maker n.
     *
     * @param theta Not modified: parameters
     * @param v Not modified: standard variates, {@code v[vo + r * D + dimension]}
     */
    void compute(int n, double[] theta, double[] v, int vo) {
        prepare(n, theta);
        for (int i = 0; i < k; i++) {
            double loc = location[i];
            if (kind[i] == FIXED) {
                Arrays.fill(beta[i], loc);
                Arrays.fill(dLocation[i], 1.0);
                Arrays.fill(dScale[i], 0.0);
                continue;
            }
            int dim = m.dimension[i];
            int pos = m.blockPosition[i];
            double s = scale[i];
            for (int q = 0; q < r; q++) {
                int vq = vo + q * d;
                double e = v[vq + dim];
                double u;
                if (pos >= 0) {
                    u = loc;
                    for (int c = 0; c <= pos; c++) {
                        u += cholesky[pos * b + c] * v[vq + m.dimension[m.blockMembers[c]]];
                    }
                } else {
                    u = loc + s * e;
                }
                transform(i, q, u, e);
            }
        }
    }

    /** Locations (with heterogeneity), scales, Cholesky factor and truncation constants of decision-maker n. */
    private void prepare(int n, double[] theta) {
        for (int i = 0; i < k; i++) {
            int mi = m.meanIndex[i];
            double loc = mi >= 0 ? theta[mi] : 0.0;
            int[] cols = m.heterogeneityColumns[i];
            int hs = m.heterogeneityStart[i];
            for (int h = 0; h < cols.length; h++) {
                loc += theta[hs + h] * characteristics[n * characteristicCount + cols[h]];
            }
            location[i] = loc;
            int si = m.scaleIndex[i];
            scale[i] = si >= 0 ? theta[si] : 0.0;
            if (kind[i] == TRUNCATED) {
                double a = Math.abs(scale[i]);
                if (a == 0 && !(loc > 0)) {
                    throw new NumericalFailureException("The truncated normal coefficient of '"
                            + m.spec.coefficients().get(i).attribute() + "' has scale 0 and location " + loc
                            + " <= 0 for decision-maker " + m.data.decisionMakerId(n)
                            + ": it has no positive mass; start from a positive scale.");
                }
                if (a > 0) {
                    truncatedCdf[i] = NormalQuantile.cdf(loc / a);
                    truncatedDensity[i] = NormalQuantile.density(loc / a);
                }
            }
        }
        for (int a = 0; a < b; a++) {
            for (int c = 0; c <= a; c++) {
                cholesky[a * b + c] = theta[m.choleskyIndex[a * b + c]];
            }
        }
    }

    private void transform(int i, int q, double u, double e) {
        switch (kind[i]) {
            case LOGNORMAL: {
                double bi = Math.exp(u);
                beta[i][q] = bi;
                dLocation[i][q] = bi;
                dScale[i][q] = bi * e;
                break;
            }
            case CENSORED: {
                boolean positive = u > 0;
                beta[i][q] = positive ? u : 0.0;
                dLocation[i][q] = positive ? 1.0 : 0.0;
                dScale[i][q] = positive ? e : 0.0;
                break;
            }
            case TRUNCATED:
                truncated(i, q, e);
                break;
            default:
                beta[i][q] = u;
                dLocation[i][q] = 1.0;
                dScale[i][q] = e;
                break;
        }
    }

    /**
     * The truncated draw when c = mu / a is below {@link FarLeftNormal#THRESHOLD}, where Phi(c) and the densities
     * underflow: x with Phi(x) = e Phi(c) from the far-left series, z* = -x, beta = a (c - x), and the density
     * ratio e phi(c) / phi(z*) from logarithms.
     */
    private void truncatedFarLeft(int i, int q, double upperTail, double mu, double a, double s) {
        double c = mu / a;
        double x = FarLeftNormal.quantileOfScaledCdf(upperTail, c);
        beta[i][q] = a * (c - x);
        double ratio = Math.exp(Math.log(upperTail) - 0.5 * (c - x) * (c + x));
        dLocation[i][q] = 1.0 - ratio;
        double dA = -x + ratio * mu / a;
        dScale[i][q] = s >= 0 ? dA : -dA;
    }

    /**
     * Truncated normal at zero from the upper-tail variate e = Phi(-z): z* = -Phi^-1(e Phi(mu/a)), beta = mu + a z*,
     * the inverse-CDF draw conditioned on beta &gt; 0, computed from the tail for accuracy.
     */
    private void truncated(int i, int q, double upperTail) {
        double s = scale[i];
        double a = Math.abs(s);
        double mu = location[i];
        if (a == 0) {
            beta[i][q] = mu;
            dLocation[i][q] = 1.0;
            dScale[i][q] = 0.0;
            return;
        }
        if (mu / a < FarLeftNormal.THRESHOLD) {
            truncatedFarLeft(i, q, upperTail, mu, a, s);
            return;
        }
        double zStar = -NormalQuantile.quantile(upperTail * truncatedCdf[i]);
        beta[i][q] = mu + a * zStar;
        double ratio = upperTail * truncatedDensity[i] / NormalQuantile.density(zStar);
        dLocation[i][q] = 1.0 - ratio;
        double dA = zStar + ratio * mu / a;
        dScale[i][q] = s >= 0 ? dA : -dA;
    }
}
