package org.mixlogit.simulation;

import java.util.Arrays;

import org.mixlogit.math.ArrayExp;
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
 *
 * <p>Each situation is computed as {@link DrawLogitKernel} computes it, from differences to the chosen alternative,
 * d_j = x_j - x_c: the utilities d_j'beta of the other alternatives, their exponentials ({@link ArrayExp}), the
 * chosen probability 1 / (1 + their sum), the score -dbar with dbar = sum_(j != c) P_j d_j, and the Hessian in beta
 * -(sum_(j != c) P_j d_j d_j' - dbar dbar') (the covariance of x under P is that of d, and d_c = 0), with zero
 * differences skipped and up to {@link Chunks#MAX} rows per pass. Chosen probabilities multiply a per-draw product
 * rescaled by 2^64 every 16 situations. A decision-maker for whom some draw's chosen probability falls below 1e-16
 * or is undefined (where the exponential's clamping could matter), or whose coefficients are not all finite and
 * moderate, is computed again the plain way: utilities shifted by their maximum, {@link Math#exp} where an argument
 * is below {@link ArrayExp#FLOOR}, logarithms of products that underflow.
 */
final class HessianKernel {
    private static final double TINY = 1e-280;
    /** Smallest chosen probability the fast path trusts: every argument of its exponentials was below 37. */
    private static final double HEALTHY = 1e-16;
    /** Coefficients up to this magnitude keep every utility difference finite on the fast path. */
    private static final double MODERATE = 1e200;
    /** Products at or below 2^-64 are multiplied by 2^64 and counted (every FOLD_EVERY situations). */
    private static final double FOLD = 0x1p64;
    private static final double INVERSE_SCALE = 0x1p-64;
    private static final double LOG_SCALE = 64 * Math.log(2);
    /** With chosen probabilities of at least 1e-16, 16 situations take a product from 2^-64 to no less than 1e-276. */
    private static final int FOLD_EVERY = 16;
    /** How a parameter moves its coefficient: multiplier 1 (a mean), a characteristic, a node, or the scale. */
    private static final int MEAN = 0;
    private static final int HETEROGENEITY = 1;
    private static final int CHOLESKY = 2;
    private static final int SCALE = 3;

    private final ModelDesign m;
    private final double[] x;
    private final int[] situationStart;
    private final int[] chosenRow;
    private final int[] decisionMakerStart;
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
    /** A situation's x_j - x_c of the alternatives other than the chosen one, in order, (alternatives - 1) x K. */
    private final double[] difference;
    /** Per coefficient: true when its dbar row of the current situation is zero (every difference zero). */
    private final boolean[] zeroMean;
    /** Each draw's smallest chosen probability so far (NaN when undefined). */
    private final double[] health;
    /** Each draw's count of scalings of the product by 2^64. */
    private final int[] count;
    /** pi_r J_ir and pi_r s_ir per parameter: the draws' weights applied once per parameter. */
    private final double[][] weightedJac;
    private final double[][] weightedScore;
    /** A pass's products before their sum. */
    private final double[] terms;
    private final HessianPasses passes;
    /** The probability rows of a situation with at most four other alternatives, padded with zero rows. */
    private final double[][] four;
    /** Entry e of the Hessian in beta (row e of hess): coefficients pairFirst[e] &gt;= pairSecond[e]. */
    private final int[] pairFirst;
    private final int[] pairSecond;
    /** Groups of entries (a, b), (a, b + 1), ... of one coefficient a, at most three: first entry and size. */
    private final int[] groupPair;
    private final int[] groupSize;

    HessianKernel(ModelDesign design, DrawSupport support) {
        this.m = design;
        this.x = design.x;
        this.situationStart = design.data.situationStartRef();
        this.chosenRow = design.data.chosenRowRef();
        this.decisionMakerStart = design.data.decisionMakerStartRef();
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
        difference = new double[Math.max(jmax, 5) * Math.max(k, 1)];
        zeroMean = new boolean[k];
        health = new double[r];
        count = new int[r];
        weightedJac = new double[p][r];
        weightedScore = new double[p][r];
        terms = new double[r];
        passes = new HessianPasses(r);
        four = new double[4][];
        pairFirst = new int[k * (k + 1) / 2];
        pairSecond = new int[pairFirst.length];
        int groups = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b <= a; b++) {
                pairFirst[pair(a, b)] = a;
                pairSecond[pair(a, b)] = b;
            }
            groups += (a + 3) / 3;
        }
        groupPair = new int[groups];
        groupSize = new int[groups];
        int g = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b <= a; b += 3) {
                groupPair[g] = pair(a, b);
                groupSize[g++] = Math.min(3, a - b + 1);
            }
        }
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
        if (!(moderate() && fastSums(n))) {
            exactSums(n);
        }
        double[] w = support.weightsRef();
        int wo = support.weightOffset();
        double best = best(w, wo);
        if (!Double.isFinite(best)) {
            return false;
        }
        if (!mixingWeights(best, w, wo)) {
            return false;
        }
        parameterDerivatives(n, v, vo);
        for (int i = 0; i < p; i++) {
            score[i] = weigh(drawScore[i], jac[i], weightedJac[i], weightedScore[i]);
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
                    sum = secondDerivativePart(weightedJac[i], h, jac[j]);
                    outer = outerPart(weightedScore[i], drawScore[j]);
                } else {
                    sum = secondMoment(weightedJac[i], h, jac[j], weightedScore[i], drawScore[j]);
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

    /**
     * The largest log-likelihood over the draws of non-zero weight (points of weight zero, padding, take no part, as
     * in DecisionMakerKernel). Loops over draws live in small methods like this one, which C2 compiles early, while
     * the methods that call them still run slower code.
     */
    private double best(double[] w, int wo) {
        double best = Double.NEGATIVE_INFINITY;
        for (int q = 0; q < r; q++) {
            if (w[wo + q] != 0) {
                best = Math.max(best, logLik[q]);
            }
        }
        return best;
    }

    /**
     * A parameter's weighted rows pi_r J_ir and pi_r s_ir, and its score sum_r pi_r s_ir (returned).
     *
     * @param wj <b>Modified</b>
     * @param ws <b>Modified</b>
     */
    private double weigh(double[] si, double[] ji, double[] wj, double[] ws) {
        double s = 0;
        for (int q = 0; q < r; q++) {
            s += pi[q] * si[q];
        }
        for (int q = 0; q < r; q++) {
            wj[q] = pi[q] * ji[q];
            ws[q] = pi[q] * si[q];
        }
        return s;
    }

    /**
     * pi_r = w_r exp(logLik_r - best) / sum, the exponentials by {@link ArrayExp} except where the argument is below
     * its floor ({@link Math#exp} there: a draw's weight relative to the best can be far smaller than exp(-42)).
     *
     * @return false when the weights do not sum to a positive number
     */
    private boolean mixingWeights(double best, double[] w, int wo) {
        double[] argument = moment;
        for (int q = 0; q < r; q++) {
            argument[q] = logLik[q] - best;
        }
        ArrayExp.exp(argument, pi, expWork, r);
        double total = 0;
        for (int q = 0; q < r; q++) {
            double e = argument[q] >= ArrayExp.FLOOR ? pi[q] : Math.exp(argument[q]);
            pi[q] = w[wo + q] * e;
            total += pi[q];
        }
        if (!(total > 0)) {
            return false;
        }
        for (int q = 0; q < r; q++) {
            pi[q] /= total;
        }
        return true;
    }

    /** True when every coefficient of every draw is finite and at most {@link #MODERATE} in magnitude. */
    private boolean moderate() {
        double[][] beta = draws.beta;
        for (int a = 0; a < k; a++) {
            double[] row = beta[a];
            double largest = 0;
            for (int q = 0; q < r; q++) {
                largest = Math.max(largest, Math.abs(row[q]));
            }
            // NaN fails the test
            if (!(largest <= MODERATE)) {
                return false;
            }
        }
        return true;
    }

    private void clearSums() {
        for (double[] row : grad) {
            Arrays.fill(row, 0.0);
        }
        for (double[] row : hess) {
            Arrays.fill(row, 0.0);
        }
    }

    /**
     * The decision-maker's per-draw gradient and Hessian in beta and log-likelihood by differences to the chosen
     * alternatives (see the class comment).
     *
     * @return false when some draw's chosen probability fell below {@link #HEALTHY} or is undefined: then the sums
     *     are incomplete and must be computed by {@link #exactSums}
     */
    private boolean fastSums(int n) {
        clearSums();
        Arrays.fill(product, 1.0);
        Arrays.fill(count, 0);
        Arrays.fill(health, 1.0);
        int first = decisionMakerStart[n];
        int end = decisionMakerStart[n + 1];
        for (int t = first; t < end; t++) {
            fastSituation(t);
            if ((t - first) % FOLD_EVERY == FOLD_EVERY - 1) {
                rescale();
            }
        }
        rescale();
        for (int q = 0; q < r; q++) {
            if (!(health[q] >= HEALTHY)) {
                return false;
            }
        }
        for (int q = 0; q < r; q++) {
            logLik[q] = Math.log(product[q]) - count[q] * LOG_SCALE;
        }
        return true;
    }

    /** The decision-maker's sums the plain way, situation by situation ({@link #situation}). */
    private void exactSums(int n) {
        clearSums();
        Arrays.fill(product, 1.0);
        Arrays.fill(logLik, 0.0);
        for (int t = decisionMakerStart[n]; t < decisionMakerStart[n + 1]; t++) {
            situation(t);
        }
        for (int q = 0; q < r; q++) {
            logLik[q] += Math.log(product[q]);
        }
    }

    /** Brings every product back to (2^-64, 1] by exact multiplications by 2^64, counted. */
    private void rescale() {
        for (int q = 0; q < r; q++) {
            while (product[q] <= INVERSE_SCALE && product[q] > 0) {
                product[q] *= FOLD;
                count[q]++;
            }
        }
    }

    /**
     * Situation t by differences to the chosen alternative: the other alternatives' probabilities in util[0 ..
     * others - 1], the chosen one in den; adds -dbar to the gradient and -(sum_j P_j d_j d_j' - dbar dbar') to the
     * Hessian in beta, multiplies the chosen probability into the product and keeps the smallest in health.
     */
    private void fastSituation(int t) {
        int first = situationStart[t];
        int alternatives = situationStart[t + 1] - first;
        int chosenBase = chosenRow[t] * k;
        int others = 0;
        for (int j = 0; j < alternatives; j++) {
            int base = (first + j) * k;
            if (base == chosenBase) {
                continue;
            }
            for (int a = 0; a < k; a++) {
                difference[others * k + a] = x[base + a] - x[chosenBase + a];
            }
            others++;
        }
        if (others < 4) {
            Arrays.fill(difference, others * k, 4 * k, 0.0);
        }
        double[][] beta = draws.beta;
        Chunks c = chunks;
        for (int j = 0; j < others; j++) {
            double[] u = util[j];
            double[] src = zeros;
            int size = 0;
            for (int a = 0; a < k; a++) {
                double d = difference[j * k + a];
                if (d != 0) {
                    c.value[size] = d;
                    c.row[size] = beta[a];
                    if (++size == Chunks.MAX) {
                        c.addProducts(size, u, src);
                        src = u;
                        size = 0;
                    }
                }
            }
            if (size > 0) {
                c.addProducts(size, u, src);
            } else if (src == zeros) {
                Arrays.fill(u, 0, r, 0.0);
            }
            ArrayExp.exp(u, u, expWork, r);
        }
        Arrays.fill(den, 0, r, 1.0);
        for (int j = 0; j < others; j += Chunks.MAX) {
            int size = Math.min(Chunks.MAX, others - j);
            for (int i = 0; i < size; i++) {
                c.value[i] = 1.0;
                c.row[i] = util[j + i];
            }
            c.addProducts(size, den, den);
        }
        passes.chosen(den, product, health);
        for (int j = 0; j < others; j++) {
            passes.scale(util[j], den);
        }
        if (others <= 4) {
            fusedSums(others);
            return;
        }
        for (int a = 0; a < k; a++) {
            zeroMean[a] = !weightedSum(others, a, xbar[a]);
            if (!zeroMean[a]) {
                subtract(grad[a], xbar[a]);
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b <= a; b++) {
                double[] h = hess[pair(a, b)];
                weightedSubtract(others, a, b, h);
                if (!zeroMean[a] && !zeroMean[b]) {
                    addProduct(h, xbar[a], xbar[b]);
                }
            }
        }
    }

    /**
     * The gradient's and Hessian's terms of a situation with at most four other alternatives, by {@link
     * HessianPasses}: entries (a, b) for b = 0..a in groups of three.
     */
    private void fusedSums(int others) {
        double[][] p = four;
        for (int j = 0; j < 4; j++) {
            p[j] = j < others ? util[j] : zeros;
        }
        // rows others..3 of the differences are zeros (see fastSituation), so padding rows add nothing
        double[] d = difference;
        int k1 = k;
        int k2 = 2 * k;
        int k3 = 3 * k;
        for (int a = 0; a < k; a++) {
            passes.mean(xbar[a], grad[a], d[a], d[k1 + a], d[k2 + a], d[k3 + a], p[0], p[1], p[2], p[3]);
        }
        for (int e = 0; e < pairFirst.length; e++) {
            int a = pairFirst[e];
            int b = pairSecond[e];
            passes.moments(hess[e], d[a] * d[b], d[k1 + a] * d[k1 + b], d[k2 + a] * d[k2 + b],
                    d[k3 + a] * d[k3 + b], p[0], p[1], p[2], p[3]);
        }
        for (int g = 0; g < groupPair.length; g++) {
            int e = groupPair[g];
            int a = pairFirst[e];
            int b = pairSecond[e];
            int size = groupSize[g];
            if (size == 3) {
                passes.outer(hess[e], hess[e + 1], hess[e + 2], xbar[a], xbar[b], xbar[b + 1], xbar[b + 2]);
            } else if (size == 2) {
                passes.outer(hess[e], hess[e + 1], xbar[a], xbar[b], xbar[b + 1]);
            } else {
                passes.outer(hess[e], xbar[a], xbar[b]);
            }
        }
    }

    /**
     * out = sum_j d_ja P_j over the other alternatives whose difference is not zero, in order.
     *
     * @return false when every difference is zero (out is then not written)
     */
    private boolean weightedSum(int others, int a, double[] out) {
        Chunks c = chunks;
        double[] src = zeros;
        int size = 0;
        for (int j = 0; j < others; j++) {
            double d = difference[j * k + a];
            if (d != 0) {
                c.value[size] = d;
                c.row[size] = util[j];
                if (++size == Chunks.MAX) {
                    c.addProducts(size, out, src);
                    src = out;
                    size = 0;
                }
            }
        }
        if (size > 0) {
            c.addProducts(size, out, src);
            return true;
        }
        return src != zeros;
    }

    /** h -= sum_j d_ja d_jb P_j over the other alternatives whose product of differences is not zero, in order. */
    private void weightedSubtract(int others, int a, int b, double[] h) {
        Chunks c = chunks;
        int size = 0;
        for (int j = 0; j < others; j++) {
            double d = difference[j * k + a] * difference[j * k + b];
            if (d != 0) {
                c.value[size] = d;
                c.row[size] = util[j];
                if (++size == Chunks.MAX) {
                    c.subtractProducts(size, h);
                    size = 0;
                }
            }
        }
        if (size > 0) {
            c.subtractProducts(size, h);
        }
    }

    /** g[q] -= v[q]. g <b>Modified</b>; v not modified. */
    private void subtract(double[] g, double[] v) {
        for (int q = 0; q < r; q++) {
            g[q] -= v[q];
        }
    }

    /** h[q] += xa[q] xb[q]. h <b>Modified</b>; the others not modified. */
    private void addProduct(double[] h, double[] xa, double[] xb) {
        for (int q = 0; q < r; q++) {
            h[q] += xa[q] * xb[q];
        }
    }

    /**
     * The plain way: adds situation t's logit gradient and Hessian in beta and multiplies in its chosen probability
     * (utilities shifted by their maximum; see {@link DrawUtilities#probabilities}).
     */
    private void situation(int t) {
        int first = situationStart[t];
        int alternatives = situationStart[t + 1] - first;
        int chosen = chosenRow[t] - first;
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

    /**
     * sum_q (piJ_i[q] h[q] J_j[q] + piS_i[q] s_j[q]): the products in one vectorized pass, then their sum.
     * Arguments not modified.
     */
    private double secondMoment(double[] wji, double[] h, double[] jj, double[] wsi, double[] sj) {
        double[] e = terms;
        for (int q = 0; q < r; q++) {
            e[q] = wji[q] * h[q] * jj[q] + wsi[q] * sj[q];
        }
        return sum(e);
    }

    /** sum_q piJ_i[q] h[q] J_j[q]: the second-derivative part alone (MSS's unbiased covariance). */
    private double secondDerivativePart(double[] wji, double[] h, double[] jj) {
        double[] e = terms;
        for (int q = 0; q < r; q++) {
            e[q] = wji[q] * h[q] * jj[q];
        }
        return sum(e);
    }

    /** sum_q piS_i[q] s_j[q]: the draws' weighted outer product of scores. */
    private double outerPart(double[] wsi, double[] sj) {
        double[] e = terms;
        for (int q = 0; q < r; q++) {
            e[q] = wsi[q] * sj[q];
        }
        return sum(e);
    }

    /**
     * The sum of e[0 .. r-1] in four interleaved partial sums (a fixed order, so the result does not depend on
     * threads), which do not wait for each other's additions.
     */
    private double sum(double[] e) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int q = 0;
        for (; q + 4 <= r; q += 4) {
            s0 += e[q];
            s1 += e[q + 1];
            s2 += e[q + 2];
            s3 += e[q + 3];
        }
        for (; q < r; q++) {
            s0 += e[q];
        }
        return (s0 + s1) + (s2 + s3);
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
            jacobianRow(how[i] == SCALE ? draws.dScale[a] : draws.dLocation[a], u, grad[a], jac[i], drawScore[i]);
        }
    }

    /**
     * ji = slope u and si = g ji per draw.
     *
     * @param ji <b>Modified</b>
     * @param si <b>Modified</b>
     */
    private void jacobianRow(double[] slope, double[] u, double[] g, double[] ji, double[] si) {
        for (int q = 0; q < r; q++) {
            ji[q] = slope[q] * u[q];
            si[q] = g[q] * ji[q];
        }
    }
}
