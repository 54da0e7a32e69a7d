package org.mixlogit.simulation;

import java.util.Arrays;

import org.mixlogit.spec.Distribution;

/**
 * One worker's exact Hessian of a decision-maker's simulated log-likelihood log L_n, L_n = sum_r w_r L_r with
 * L_r = prod_t P_t(beta_r):
 * <pre>
 *   d2 log L_n = sum_r pi_r (d2 log L_r + d log L_r d log L_r') - s_n s_n',   pi_r = w_r L_r / L_n,
 *   d log L_r = J_r' g_r,   d2 log L_r = J_r' H_r J_r + sum_k g_rk d2 beta_rk / d theta d theta',
 * </pre>
 * where g_r and H_r = -sum_t (sum_j P_tj x_tj x_tj' - xbar_t xbar_t') are the logit gradient and Hessian in beta
 * and J_r = d beta / d theta. Every parameter moves exactly one coefficient, through its location (a mean, a
 * heterogeneity term times its characteristic, or for a correlated-block member a Cholesky entry times the node of
 * its column, all entering the underlying normal u) or through its scale, so J has one non-zero per column,
 * d beta / d location (or d scale) times that multiplier, and d2 beta / d theta_i d theta_j is the transform's
 * second derivative for the pair of roles times both multipliers. Coefficients whose transform is piecewise linear
 * contribute no second-derivative term. Transforms without analytic second derivatives (the truncated normal) are
 * not covered (see {@link #supports}).
 *
 * <p>Like {@link DecisionMakerKernel}, work arrays hold one row per alternative, coefficient or coefficient pair
 * and one column per draw, so the inner loops run over draws and vectorize. Owns its scratch; not thread-safe.
 */
final class HessianKernel {
    private static final double TINY = 1e-280;
    /** How a parameter moves its coefficient: multiplier 1 (a mean), a characteristic, a node, or the scale. */
    private static final int MEAN = 0;
    private static final int HETEROGENEITY = 1;
    private static final int CHOLESKY = 2;
    private static final int SCALE = 3;

    private final ModelDesign m;
    private final DrawSupport support;
    private final CoefficientDraws draws;
    private final int k;
    private final int p;
    private final int r;
    /** Per parameter: the coefficient it moves, how (MEAN, HETEROGENEITY, CHOLESKY, SCALE), column or dimension. */
    private final int[] owner;
    private final int[] how;
    private final int[] which;

    private final double[][] util;
    private final double[] max;
    private final double[] den;
    private final double[] expWork;
    private final double[][] xbar;
    private final double[] moment;
    private final double[] product;
    private final double[] logLik;
    private final double[][] grad;
    private final double[][] hess;
    private final double[][] uv;
    private final double[][] jac;
    private final double[][] drawScore;
    private final double[] pi;
    private final double[] score;
    /** Per alternative of a situation: the multiplier of its probability row in a weighted sum. */
    private final double[] coefficient;
    private final double[] zeros;
    private final Chunks chunks;

    HessianKernel(ModelDesign design, DrawSupport support) {
        this.m = design;
        this.support = support;
        this.k = design.k;
        this.p = design.p;
        this.r = support.points();
        this.draws = support.coefficientDraws();
        owner = new int[p];
        how = new int[p];
        which = new int[p];
        int bsize = design.blockMembers.length;
        for (int a = 0; a < k; a++) {
            if (design.meanIndex[a] >= 0) {
                set(design.meanIndex[a], a, MEAN, 0);
            }
            int[] cols = design.heterogeneityColumns[a];
            for (int h = 0; h < cols.length; h++) {
                set(design.heterogeneityStart[a] + h, a, HETEROGENEITY, cols[h]);
            }
            int pos = design.blockPosition[a];
            if (pos >= 0) {
                for (int c = 0; c <= pos; c++) {
                    set(design.choleskyIndex[pos * bsize + c], a, CHOLESKY,
                            design.dimension[design.blockMembers[c]]);
                }
            } else if (design.scaleIndex[a] >= 0) {
                set(design.scaleIndex[a], a, SCALE, design.dimension[a]);
            }
        }
        int jmax = Math.max(2, design.data.maxAlternatives());
        util = new double[jmax][r];
        max = new double[r];
        den = new double[r];
        expWork = new double[r];
        xbar = new double[k][r];
        moment = new double[r];
        product = new double[r];
        logLik = new double[r];
        grad = new double[k][r];
        hess = new double[k * (k + 1) / 2][r];
        uv = new double[p][r];
        jac = new double[p][r];
        drawScore = new double[p][r];
        pi = new double[r];
        score = new double[p];
        coefficient = new double[jmax];
        zeros = new double[r];
        chunks = new Chunks(r);
    }

    private void set(int parameter, int coefficient, int kind, int index) {
        owner[parameter] = coefficient;
        how[parameter] = kind;
        which[parameter] = index;
    }

    /**
     * True when every coefficient's transform has analytic second derivatives (all distributions but the
     * truncated normal, whose Hessian comes from finite differences of the analytic gradient).
     */
    static boolean supports(ModelDesign design) {
        for (Distribution d : design.distribution) {
            if (!d.transform().hasSecondDerivatives()) {
                return false;
            }
        }
        return true;
    }

    private static int pair(int a, int b) {
        return a >= b ? a * (a + 1) / 2 + b : b * (b + 1) / 2 + a;
    }

    /**
     * Adds the weighted Hessian of decision-maker n's log-likelihood contribution to {@code out} (P x P).
     *
     * @return false when the person's likelihood is not positive and finite (nothing is added)
     */
    boolean add(int n, double[] theta, double weight, double[] out) {
        return add(n, theta, weight, out, false);
    }

    /**
     * As {@link #add(int, double[], double, double[])}; with {@code unbiasedCovariance} the draws' weighted
     * covariance of scores, sum_r pi_r s_r s_r' - s_n s_n', is divided by 1 - sum_r pi_r^2 (R / (R - 1) for R equal
     * weights), which makes it unbiased for the covariance of the score under the draws' distribution: the Jacobian of
     * the method of simulated scores (see {@link SimulatedLogLikelihood#scoreJacobian}).
     *
     * @param out <b>Modified</b>: P x P, added to
     */
    boolean add(int n, double[] theta, double weight, double[] out, boolean unbiasedCovariance) {
        support.prepare(n, theta);
        double[] v = support.variatesRef();
        int vo = support.variateOffset();
        draws.computeSecondDerivatives();
        for (double[] row : grad) {
            Arrays.fill(row, 0.0);
        }
        for (double[] row : hess) {
            Arrays.fill(row, 0.0);
        }
        Arrays.fill(product, 1.0);
        Arrays.fill(logLik, 0.0);
        int[] dmStart = m.data.decisionMakerStartRef();
        for (int t = dmStart[n]; t < dmStart[n + 1]; t++) {
            situation(t);
        }
        double best = Double.NEGATIVE_INFINITY;
        double[] w = support.weightsRef();
        int wo = support.weightOffset();
        for (int q = 0; q < r; q++) {
            logLik[q] += Math.log(product[q]);
            // points of weight zero (padding) take no part, as in DecisionMakerKernel
            if (w[wo + q] != 0) {
                best = Math.max(best, logLik[q]);
            }
        }
        if (!Double.isFinite(best)) {
            return false;
        }
        double total = 0;
        for (int q = 0; q < r; q++) {
            pi[q] = w[wo + q] * Math.exp(logLik[q] - best);
            total += pi[q];
        }
        if (!(total > 0)) {
            return false;
        }
        for (int q = 0; q < r; q++) {
            pi[q] /= total;
        }
        parameterDerivatives(n, v, vo);
        for (int i = 0; i < p; i++) {
            double[] si = drawScore[i];
            double s = 0;
            for (int q = 0; q < r; q++) {
                s += pi[q] * si[q];
            }
            score[i] = s;
        }
        double spread = 1.0;
        if (unbiasedCovariance) {
            double squares = 0;
            for (int q = 0; q < r; q++) {
                squares += pi[q] * pi[q];
            }
            // one draw (or one dominating): no covariance to estimate, nothing added
            spread = squares < 1 ? 1.0 / (1.0 - squares) : 1.0;
        }
        for (int i = 0; i < p; i++) {
            int a = owner[i];
            for (int j = 0; j <= i; j++) {
                int b = owner[j];
                double[] h = hess[pair(a, b)];
                double sum;
                double outer = 0;
                if (unbiasedCovariance) {
                    sum = weightedSecondMoment(pi, jac[i], h, jac[j], r);
                    outer = weightedOuter(pi, drawScore[i], drawScore[j], r);
                } else {
                    // one accumulation, as the Hessian has always been summed (bit for bit)
                    sum = weightedSecondMoment(pi, jac[i], h, jac[j], drawScore[i], drawScore[j], r);
                }
                if (a == b && draws.isCurved(a)) {
                    sum += curvature(a, i, j);
                }
                double value = unbiasedCovariance ? weight * (sum + spread * (outer - score[i] * score[j]))
                        : weight * (sum - score[i] * score[j]);
                out[i * p + j] += value;
                if (j != i) {
                    out[j * p + i] += value;
                }
            }
        }
        return true;
    }

    /** Adds situation t's logit gradient and Hessian in beta and multiplies in its chosen probability. */
    private void situation(int t) {
        int[] situationStart = m.data.situationStartRef();
        int first = situationStart[t];
        int alternatives = situationStart[t + 1] - first;
        int chosen = m.data.chosenRowRef()[t] - first;
        double[] x = m.x;
        double[][] beta = draws.beta;
        DrawUtilities.probabilities(m.rows, beta, first, first + alternatives, r, util, max, den, expWork);
        double[] chosenProbability = util[chosen];
        for (int q = 0; q < r; q++) {
            double pc = chosenProbability[q];
            if (pc < TINY) {
                // the probability underflows: its logarithm from the utilities (den holds 1 / denominator)
                logLik[q] += utility(first + chosen, q) - max[q] + Math.log(den[q]);
                continue;
            }
            product[q] *= pc;
            if (product[q] < TINY) {
                logLik[q] += Math.log(product[q]);
                product[q] = 1.0;
            }
        }
        for (int a = 0; a < k; a++) {
            for (int j = 0; j < alternatives; j++) {
                coefficient[j] = x[(first + j) * k + a];
            }
            probabilityWeighted(alternatives, xbar[a]);
            addDifference(grad[a], x[(first + chosen) * k + a], xbar[a], r);
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b <= a; b++) {
                for (int j = 0; j < alternatives; j++) {
                    coefficient[j] = x[(first + j) * k + a] * x[(first + j) * k + b];
                }
                probabilityWeighted(alternatives, moment);
                subtractCovariance(hess[pair(a, b)], moment, xbar[a], xbar[b], r);
            }
        }
    }

    /**
     * out[q] = 0 + sum_j coefficient[j] P_jq over the alternatives whose coefficient is not zero, added in the
     * alternatives' order (as one loop per alternative would), by {@link Chunks}: its loops are the likelihood
     * kernel's and already compiled when the Hessian is computed, once, after the estimation.
     *
     * @param out <b>Modified</b>
     */
    private void probabilityWeighted(int alternatives, double[] out) {
        double[] src = zeros;
        int size = 0;
        for (int j = 0; j < alternatives; j++) {
            if (coefficient[j] != 0) {
                chunks.value[size] = coefficient[j];
                chunks.row[size] = util[j];
                if (++size == Chunks.MAX) {
                    chunks.addProducts(size, out, src);
                    src = out;
                    size = 0;
                }
            }
        }
        if (size > 0) {
            chunks.addProducts(size, out, src);
        } else if (src == zeros) {
            Arrays.fill(out, 0, r, 0.0);
        }
    }

    /** g[q] += c - xbar[q]. g <b>Modified</b>; xbar not modified. */
    private static void addDifference(double[] g, double c, double[] xbar, int r) {
        for (int q = 0; q < r; q++) {
            g[q] += c - xbar[q];
        }
    }

    /** h[q] -= moment[q] - xa[q] xb[q]. h <b>Modified</b>; the others not modified. */
    private static void subtractCovariance(double[] h, double[] moment, double[] xa, double[] xb, int r) {
        for (int q = 0; q < r; q++) {
            h[q] -= moment[q] - xa[q] * xb[q];
        }
    }

    /** sum_q pi[q] (ji[q] h[q] jj[q] + si[q] sj[q]), in the order of q. Arguments not modified. */
    private static double weightedSecondMoment(double[] pi, double[] ji, double[] h, double[] jj, double[] si,
            double[] sj, int r) {
        double sum = 0;
        for (int q = 0; q < r; q++) {
            sum += pi[q] * (ji[q] * h[q] * jj[q] + si[q] * sj[q]);
        }
        return sum;
    }

    /** sum_q pi_q ji_q h_q jj_q: the second-derivative part alone (MSS's unbiased covariance). */
    private static double weightedSecondMoment(double[] pi, double[] ji, double[] h, double[] jj, int r) {
        double sum = 0;
        for (int q = 0; q < r; q++) {
            sum += pi[q] * ji[q] * h[q] * jj[q];
        }
        return sum;
    }

    /** sum_q pi_q si_q sj_q: the draws' weighted outer product of scores. */
    private static double weightedOuter(double[] pi, double[] si, double[] sj, int r) {
        double outer = 0;
        for (int q = 0; q < r; q++) {
            outer += pi[q] * si[q] * sj[q];
        }
        return outer;
    }

    /** The utility of a grouped row in draw q. */
    private double utility(int row, int q) {
        double u = 0;
        for (int e = m.rows.nonZeroStart[row]; e < m.rows.nonZeroStart[row + 1]; e++) {
            u += m.rows.value[e] * draws.beta[m.rows.attribute[e]][q];
        }
        return u;
    }

    /** sum_r pi_r g_ra d2 beta_ra / d theta_i d theta_j for two parameters i, j of the same coefficient a. */
    private double curvature(int a, int i, int j) {
        boolean scaleI = how[i] == SCALE;
        boolean scaleJ = how[j] == SCALE;
        double[] second = scaleI && scaleJ ? draws.dScaleScale[a]
                : scaleI || scaleJ ? draws.dLocationScale[a] : draws.dLocationLocation[a];
        double[] g = grad[a];
        double[] ui = uv[i];
        double[] uj = uv[j];
        double sum = 0;
        for (int q = 0; q < r; q++) {
            sum += pi[q] * g[q] * second[q] * ui[q] * uj[q];
        }
        return sum;
    }

    /**
     * Per parameter and draw: the multiplier of its coefficient's location or scale (1, a characteristic, or a
     * node), J = (d beta / d location or d beta / d scale) times the multiplier, and the draw's score J' g.
     */
    private void parameterDerivatives(int n, double[] v, int vo) {
        double[] chars = m.data.characteristicsRef();
        int cc = m.data.characteristicCount();
        int d = m.d;
        for (int i = 0; i < p; i++) {
            int a = owner[i];
            double[] u = uv[i];
            switch (how[i]) {
                case HETEROGENEITY:
                    Arrays.fill(u, chars[n * cc + which[i]]);
                    break;
                case CHOLESKY:
                    for (int q = 0; q < r; q++) {
                        u[q] = v[vo + q * d + which[i]];
                    }
                    break;
                default:
                    Arrays.fill(u, 1.0);
                    break;
            }
            double[] slope = how[i] == SCALE ? draws.dScale[a] : draws.dLocation[a];
            double[] g = grad[a];
            double[] ji = jac[i];
            double[] si = drawScore[i];
            for (int q = 0; q < r; q++) {
                ji[q] = slope[q] * u[q];
                si[q] = g[q] * ji[q];
            }
        }
    }
}
