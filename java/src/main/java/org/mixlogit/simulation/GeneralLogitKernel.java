package org.mixlogit.simulation;

import java.util.Arrays;

import org.mixlogit.math.ArrayExp;

/**
 * The general path of {@link DecisionMakerKernel} (attributes without shared levels, e.g. continuous ones): for
 * every draw q of one decision-maker, its likelihood {@code L_q = prod_t P_t(beta_q)} as a scaled value and a
 * count of scalings, {@code L_q = scaled_q 2^(-64 count_q)} with scaled_q in (2^-64, 1] (so that no logarithm is
 * needed per draw), and {@code -sum_t sum_j P_tj(beta_q) x_tj}. Not thread-safe; owns its scratch.
 *
 * <p>Per situation every loop runs over the draws with the rows of alternatives and coefficients fixed, so C2
 * vectorizes it: the utilities (up to {@link Chunks#MAX} attributes per pass), the exponentials of the utilities
 * shifted by the chosen alternative's ({@link ArrayExp}), whose sum's inverse is the chosen probability, and the
 * expected attributes (up to {@link Chunks#MAX} alternatives per pass). A situation most of whose attribute values
 * are non-zero reads the dense attribute matrix, others the sparse rows. The chosen probabilities are multiplied
 * per draw, and every 16 situations a product below 2^-64 is multiplied by 2^64 (exact) and counted. A draw in
 * which some chosen probability is below 1e-16 or undefined (where ArrayExp's clamping could matter, or where NaN
 * must propagate) is recomputed afterwards one situation at a time with utilities shifted by their maximum,
 * {@link Math#exp} and logarithms, as in the plain algorithm.
 */
final class GeneralLogitKernel {
    /** Smallest chosen probability the fast path trusts: every argument of its exponentials was below 37. */
    private static final double HEALTHY = 1e-16;
    /** Products at or below 2^-64 are multiplied by 2^64 and counted (every FOLD_EVERY situations). */
    static final double SCALE = 0x1p64;
    private static final double INVERSE_SCALE = 0x1p-64;
    /** log(2^64). */
    static final double LOG_SCALE = 64 * Math.log(2);
    /** With chosen probabilities of at least 1e-16, 16 situations take a product from 2^-64 to no less than 1e-276. */
    private static final int FOLD_EVERY = 16;

    private final RowStructure rows;
    /** Dense attributes, rows x K. */
    private final double[] x;
    private final int[] situationStart;
    private final int[] chosenRow;
    private final int[] decisionMakerStart;
    private final int k;
    private final int r;

    /** Utility, then exponential, of each alternative: {@code u[j][q]}. */
    private final double[][] u;
    private final double[] zeros;
    private final double[] work;
    /** 1 / sum_j exp(u_j - u_c): the chosen probability. */
    private final double[] inverse;
    private final double[] health;
    private final Chunks chunks;
    /** A sparse situation's non-zero attributes by attribute: entries colStart[a] .. colStart[a+1]-1. */
    private final int[] colStart;
    private final int[] colAlternative;
    private final double[] colValue;
    private final double[] exactUtility;

    GeneralLogitKernel(ModelDesign design, int draws) {
        this.rows = design.rows;
        this.x = design.x;
        this.situationStart = design.data.situationStartRef();
        this.chosenRow = design.data.chosenRowRef();
        this.decisionMakerStart = design.data.decisionMakerStartRef();
        this.k = design.k;
        this.r = draws;
        int jmax = Math.max(2, design.data.maxAlternatives());
        u = new double[jmax][r];
        zeros = new double[r];
        work = new double[r];
        inverse = new double[r];
        health = new double[r];
        chunks = new Chunks(r);
        colStart = new int[k + 1];
        colAlternative = new int[jmax * Math.max(k, 1)];
        colValue = new double[jmax * Math.max(k, 1)];
        exactUtility = new double[jmax];
    }

    /**
     * @param beta Not modified: {@code beta[k][q]}
     * @param scaled <b>Modified</b>: each draw's likelihood times 2^(64 count), in (2^-64, 1]; 0 when it is 0, NaN
     *     when undefined
     * @param count <b>Modified</b>: each draw's count of scalings by 2^64
     * @param betaScore <b>Modified</b> when non-null: {@code -sum_t sum_j P_tj x_tjk} per coefficient and draw
     */
    void evaluate(int n, double[][] beta, double[] scaled, int[] count, double[][] betaScore) {
        double[] product = scaled;
        Arrays.fill(product, 0, r, 1.0);
        Arrays.fill(count, 0, r, 0);
        Arrays.fill(health, 0, r, 1.0);
        if (betaScore != null) {
            for (double[] row : betaScore) {
                Arrays.fill(row, 0, r, 0.0);
            }
        }
        int first = decisionMakerStart[n];
        int end = decisionMakerStart[n + 1];
        for (int t = first; t < end; t++) {
            int rowFirst = situationStart[t];
            int alternatives = situationStart[t + 1] - rowFirst;
            int chosen = chosenRow[t] - rowFirst;
            int nonZero = rows.nonZeroStart[rowFirst + alternatives] - rows.nonZeroStart[rowFirst];
            boolean dense = 2 * nonZero >= alternatives * k;
            if (dense) {
                denseUtilities(beta, rowFirst, alternatives);
            } else {
                sparseUtilities(beta, rowFirst, alternatives);
            }
            exponentials(alternatives, chosen, product);
            if (betaScore != null) {
                probabilities(alternatives);
                if (dense) {
                    denseExpectedAttributes(rowFirst, alternatives, betaScore);
                } else {
                    sparseExpectedAttributes(rowFirst, alternatives, betaScore);
                }
            }
            if ((t - first) % FOLD_EVERY == FOLD_EVERY - 1) {
                rescale(product, count);
            }
        }
        rescale(product, count);
        for (int q = 0; q < r; q++) {
            if (!(health[q] >= HEALTHY)) {
                exactDraw(n, q, beta, scaled, count, betaScore);
            }
        }
    }

    /** u[j] = x_j'beta for every draw, attributes in order, from the dense matrix. */
    private void denseUtilities(double[][] beta, int rowFirst, int alternatives) {
        Chunks c = chunks;
        for (int j = 0; j < alternatives; j++) {
            int base = (rowFirst + j) * k;
            double[] src = zeros;
            for (int a = 0; a < k; a += Chunks.MAX) {
                int size = Math.min(Chunks.MAX, k - a);
                for (int i = 0; i < size; i++) {
                    c.value[i] = x[base + a + i];
                    c.row[i] = beta[a + i];
                }
                c.addProducts(size, u[j], src);
                src = u[j];
            }
        }
    }

    /** u[j] = x_j'beta for every draw, over the non-zero attributes of the sparse rows. */
    private void sparseUtilities(double[][] beta, int rowFirst, int alternatives) {
        Chunks c = chunks;
        for (int j = 0; j < alternatives; j++) {
            int e0 = rows.nonZeroStart[rowFirst + j];
            int e1 = rows.nonZeroStart[rowFirst + j + 1];
            if (e0 == e1) {
                Arrays.fill(u[j], 0, r, 0.0);
            }
            double[] src = zeros;
            for (int e = e0; e < e1; e += Chunks.MAX) {
                int size = Math.min(Chunks.MAX, e1 - e);
                for (int i = 0; i < size; i++) {
                    c.value[i] = rows.value[e + i];
                    c.row[i] = beta[rows.attribute[e + i]];
                }
                c.addProducts(size, u[j], src);
                src = u[j];
            }
        }
    }

    /**
     * u[j] = exp(u[j] - u[chosen]) (clamped, see ArrayExp), u[chosen] = 1, inverse = 1 / sum_j u[j] (the chosen
     * probability), which multiplies the product; health keeps the smallest (NaN when undefined).
     */
    private void exponentials(int alternatives, int chosen, double[] product) {
        double[] shift = u[chosen];
        for (int j = 0; j < alternatives; j++) {
            if (j != chosen) {
                ArrayExp.expShifted(u[j], shift, u[j], work, r);
            }
        }
        Arrays.fill(shift, 0, r, 1.0);
        double[] den = inverse;
        System.arraycopy(u[0], 0, den, 0, r);
        int j = 1;
        for (; j + 3 <= alternatives; j += 3) {
            double[] e0 = u[j];
            double[] e1 = u[j + 1];
            double[] e2 = u[j + 2];
            for (int q = 0; q < r; q++) {
                den[q] = den[q] + e0[q] + e1[q] + e2[q];
            }
        }
        for (; j < alternatives; j++) {
            double[] e0 = u[j];
            for (int q = 0; q < r; q++) {
                den[q] += e0[q];
            }
        }
        double[] h = health;
        for (int q = 0; q < r; q++) {
            double p = 1.0 / den[q];
            den[q] = p;
            product[q] *= p;
            h[q] = Math.min(h[q], p);
        }
    }

    /** u[j] = P_j: the exponentials times the inverse of their sum. */
    private void probabilities(int alternatives) {
        double[] inv = inverse;
        int j = 0;
        for (; j + 2 <= alternatives; j += 2) {
            double[] e0 = u[j];
            double[] e1 = u[j + 1];
            for (int q = 0; q < r; q++) {
                double s = inv[q];
                e0[q] *= s;
                e1[q] *= s;
            }
        }
        if (j < alternatives) {
            double[] e0 = u[j];
            for (int q = 0; q < r; q++) {
                e0[q] *= inv[q];
            }
        }
    }

    /** betaScore_a -= sum_j x_ja P_j per draw, from the dense matrix, alternatives in order. */
    private void denseExpectedAttributes(int rowFirst, int alternatives, double[][] betaScore) {
        Chunks c = chunks;
        for (int a = 0; a < k; a++) {
            for (int j = 0; j < alternatives; j += Chunks.MAX) {
                int size = Math.min(Chunks.MAX, alternatives - j);
                for (int i = 0; i < size; i++) {
                    c.value[i] = x[(rowFirst + j + i) * k + a];
                    c.row[i] = u[j + i];
                }
                c.subtractProducts(size, betaScore[a]);
            }
        }
    }

    /** The same over the sparse rows' non-zero entries. */
    private void sparseExpectedAttributes(int rowFirst, int alternatives, double[][] betaScore) {
        byAttribute(rowFirst, alternatives);
        Chunks c = chunks;
        for (int a = 0; a < k; a++) {
            int c1 = colStart[a + 1];
            for (int e = colStart[a]; e < c1; e += Chunks.MAX) {
                int size = Math.min(Chunks.MAX, c1 - e);
                for (int i = 0; i < size; i++) {
                    c.value[i] = colValue[e + i];
                    c.row[i] = u[colAlternative[e + i]];
                }
                c.subtractProducts(size, betaScore[a]);
            }
        }
    }

    /** A sparse situation's non-zero entries grouped by attribute, alternatives in order within each. */
    private void byAttribute(int rowFirst, int alternatives) {
        int[] start = colStart;
        Arrays.fill(start, 0);
        int e0 = rows.nonZeroStart[rowFirst];
        int e1 = rows.nonZeroStart[rowFirst + alternatives];
        for (int e = e0; e < e1; e++) {
            start[rows.attribute[e] + 1]++;
        }
        for (int a = 0; a < k; a++) {
            start[a + 1] += start[a];
        }
        for (int j = 0; j < alternatives; j++) {
            for (int e = rows.nonZeroStart[rowFirst + j]; e < rows.nonZeroStart[rowFirst + j + 1]; e++) {
                int at = start[rows.attribute[e]]++;
                colAlternative[at] = j;
                colValue[at] = rows.value[e];
            }
        }
        for (int a = k; a > 0; a--) {
            start[a] = start[a - 1];
        }
        start[0] = 0;
    }

    /** Brings every product back to (2^-64, 1] by exact multiplications by 2^64, counted. */
    private void rescale(double[] product, int[] count) {
        for (int q = 0; q < r; q++) {
            while (product[q] <= INVERSE_SCALE && product[q] > 0) {
                product[q] *= SCALE;
                count[q]++;
            }
        }
    }

    /**
     * Draw q recomputed one situation at a time with {@link Math#exp} and logarithms of the chosen probabilities
     * (utilities shifted by their maximum): exact where the fast path is not, and NaN where a utility is; its
     * log-likelihood is then given as a scaled value and count.
     */
    private void exactDraw(int n, int q, double[][] beta, double[] scaled, int[] count, double[][] betaScore) {
        double ll = 0;
        if (betaScore != null) {
            for (int a = 0; a < k; a++) {
                betaScore[a][q] = 0;
            }
        }
        double[] util = exactUtility;
        for (int t = decisionMakerStart[n]; t < decisionMakerStart[n + 1]; t++) {
            int rowFirst = situationStart[t];
            int alternatives = situationStart[t + 1] - rowFirst;
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < alternatives; j++) {
                double v = 0;
                for (int e = rows.nonZeroStart[rowFirst + j]; e < rows.nonZeroStart[rowFirst + j + 1]; e++) {
                    v += rows.value[e] * beta[rows.attribute[e]][q];
                }
                util[j] = v;
                m = Math.max(m, v);
            }
            int c = chosenRow[t] - rowFirst;
            double chosenShifted = util[c] - m;
            double den = 0;
            for (int j = 0; j < alternatives; j++) {
                util[j] = Math.exp(util[j] - m);
                den += util[j];
            }
            ll += chosenShifted - Math.log(den);
            if (betaScore != null) {
                for (int j = 0; j < alternatives; j++) {
                    double p = util[j] / den;
                    for (int e = rows.nonZeroStart[rowFirst + j]; e < rows.nonZeroStart[rowFirst + j + 1]; e++) {
                        betaScore[rows.attribute[e]][q] -= rows.value[e] * p;
                    }
                }
            }
        }
        if (ll > Double.NEGATIVE_INFINITY) {
            int c = (int) Math.max(0, Math.ceil(-ll / LOG_SCALE));
            scaled[q] = Math.exp(ll + c * LOG_SCALE);
            count[q] = c;
        } else {
            scaled[q] = Double.isNaN(ll) ? Double.NaN : 0.0;
            count[q] = 0;
        }
    }
}
