package org.mixlogit.simulation;

import java.util.Arrays;

import org.mixlogit.math.ArrayExp;

/**
 * The general path of {@link DecisionMakerKernel} (attributes without shared levels, e.g. continuous ones): for
 * every draw q of one decision-maker, its likelihood {@code L_q = prod_t P_t(beta_q)} as a scaled value and a
 * count of scalings, {@code L_q = scaled_q 2^(-64 count_q)} with scaled_q in (2^-64, 1] (so that no logarithm is
 * needed per draw), and its score in beta, {@code sum_t (x_tc - sum_j P_tj x_tj)} with c the chosen alternative.
 * Not thread-safe; owns its scratch.
 *
 * <p>Per situation every loop runs over the draws with the rows of alternatives and coefficients fixed, so C2
 * vectorizes it, and each pass handles up to {@link Chunks#MAX} rows. A decision-maker whose attributes take few
 * levels (stated-preference designs) gets exp(x_j'beta) as products of {@link LevelFactors}, their sum, and the
 * score {@code -sum_j P_j x_j} over the sparse rows. Otherwise a situation most of whose attribute values
 * are non-zero is computed from differences to the chosen alternative, d_j = x_j - x_c ({@link DenseSituation}:
 * with the Vector API where the JVM allows it, the same bits either way): the utilities
 * d_j'beta of the other alternatives, their exponentials ({@link ArrayExp}), whose sum plus 1 is the inverse of
 * the chosen probability, and the score {@code -sum_(j != c) P_j d_j}, so the chosen alternative costs nothing.
 * Other situations use the sparse rows: every utility, exponentials shifted by the chosen one's, and
 * {@code -sum_j P_j x_j} with the chosen attributes added once per decision-maker. The chosen probabilities are
 * multiplied per draw, and every 16 situations a product below 2^-64 is multiplied by 2^64 (exact) and counted. A
 * draw in which some chosen probability is below 1e-16 or undefined (where ArrayExp's clamping could matter, or
 * where NaN must propagate) is recomputed afterwards one situation at a time with utilities shifted by their
 * maximum, {@link Math#exp} and logarithms, as in the plain algorithm. The dense situations' exponentials are not
 * clamped ({@link ArrayExp#expWide}, two range operations fewer per value): their arguments are bounded per draw
 * by {@code sum_a max|x_ja - x_ca| |beta_a|} (the maximum over the decision-maker's dense situations), and a draw
 * whose bound passes {@link ArrayExp#WIDE} (or is NaN) is recomputed the same way.
 */
final class DrawLogitKernel {
    /** Smallest chosen probability the fast path trusts: every argument of its exponentials was below 37. */
    private static final double HEALTHY = 1e-16;
    /** min(den, 1 / den) * RANGE >= HEALTHY keeps a level path's denominator within [1e-250, 1e250]. */
    private static final double RANGE = 1e234;
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

    /** Utility, then exponential, then probability of each alternative: {@code u[j][q]}. */
    private final double[][] u;
    /** The rows of u of the alternatives other than the chosen one, in order. */
    private final double[][] others;
    /** A dense situation's x_j - x_c, alternatives x K. */
    private final double[] difference;
    /** Per coefficient, the largest |x_j - x_c| of the decision-maker's dense situations so far. */
    private final double[] spread;
    /** Sum of the chosen attributes of the sparse situations, per coefficient. */
    private final double[] chosenSparse;
    private final double[] zeros;
    private final double[] ones;
    private final double[] work;
    /** 1 / sum_j exp(u_j - u_c): the chosen probability. */
    private final double[] inverse;
    private final double[] health;
    private final Chunks chunks;
    /** A sparse situation's non-zero attributes by attribute: entries colStart[a] .. colStart[a+1]-1. */
    private final int[] colStart;
    private final int[] colAlternative;
    private final double[] colValue;
    private final ExactDraw exact;
    /** A dense situation's utilities, exponentials, probabilities and score. */
    private final DenseSituation dense;
    /** The decision-maker's attribute-level factors, when its attributes take few levels. */
    private final LevelFactors levels;

    DrawLogitKernel(ModelDesign design, int draws) {
        this.rows = design.rows;
        this.x = design.x;
        this.situationStart = design.data.situationStartRef();
        this.chosenRow = design.data.chosenRowRef();
        this.decisionMakerStart = design.data.decisionMakerStartRef();
        this.k = design.k;
        this.r = draws;
        int jmax = Math.max(2, design.data.maxAlternatives());
        u = new double[jmax][r];
        others = new double[jmax][];
        difference = new double[jmax * Math.max(k, 1)];
        spread = new double[k];
        chosenSparse = new double[k];
        zeros = new double[r];
        ones = new double[r];
        Arrays.fill(ones, 1.0);
        work = new double[r];
        inverse = new double[r];
        health = new double[r];
        chunks = new Chunks(r);
        colStart = new int[k + 1];
        colAlternative = new int[jmax * Math.max(k, 1)];
        colValue = new double[jmax * Math.max(k, 1)];
        exact = new ExactDraw(design);
        dense = DenseSituations.create(r, design.data.rowCount());
        levels = new LevelFactors(design, r);
    }

    /**
     * @param beta Not modified: {@code beta[k][q]}
     * @param scaled <b>Modified</b>: each draw's likelihood times 2^(64 count), in (2^-64, 1]; 0 when it is 0, NaN
     *     when undefined
     * @param count <b>Modified</b>: each draw's count of scalings by 2^64
     * @param betaScore <b>Modified</b> when non-null: {@code sum_t (x_tck - sum_j P_tj x_tjk)} per coefficient and
     *     draw
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
        Arrays.fill(chosenSparse, 0.0);
        Arrays.fill(spread, 0.0);
        boolean useLevels = rows.useLevels[n] && levels.build(n, beta);
        int first = decisionMakerStart[n];
        int end = decisionMakerStart[n + 1];
        for (int t = first; t < end; t++) {
            int rowFirst = situationStart[t];
            int alternatives = situationStart[t + 1] - rowFirst;
            int chosen = chosenRow[t] - rowFirst;
            int nonZero = rows.nonZeroStart[rowFirst + alternatives] - rows.nonZeroStart[rowFirst];
            int otherCount = listOthers(alternatives, chosen);
            if (useLevels) {
                levels.exponentials(rowFirst, alternatives, u, chunks);
                levelChosenProbability(alternatives, chosen, product);
                if (betaScore != null) {
                    SituationProbabilities.probabilities(u, alternatives, inverse, r);
                    sparseScore(rowFirst, alternatives, chosen, betaScore);
                }
            } else if (2 * nonZero >= alternatives * k) {
                differences(rowFirst, alternatives, chosen);
                dense.evaluate(difference, otherCount, k, beta, others, inverse, product, health, betaScore);
            } else {
                sparseUtilities(beta, rowFirst, alternatives);
                double[] shift = u[chosen];
                for (int j = 0; j < otherCount; j++) {
                    ArrayExp.expShifted(others[j], shift, others[j], work, r);
                }
                SituationProbabilities.chosenProbability(chunks, others, otherCount, ones, inverse, product, health, r);
                if (betaScore != null) {
                    SituationProbabilities.probabilities(others, otherCount, inverse, r);
                    System.arraycopy(inverse, 0, u[chosen], 0, r);
                    sparseScore(rowFirst, alternatives, chosen, betaScore);
                }
            }
            if ((t - first) % FOLD_EVERY == FOLD_EVERY - 1) {
                rescale(product, count);
            }
        }
        rescale(product, count);
        if (betaScore != null) {
            for (int a = 0; a < k; a++) {
                if (chosenSparse[a] != 0) {
                    add(betaScore[a], chosenSparse[a]);
                }
            }
        }
        double[] bound = work;
        argumentBound(beta, bound);
        recomputeUnhealthy(n, beta, bound, scaled, count, betaScore);
    }

    /** others = the rows of u of the alternatives other than the chosen one, in order; returns their count. */
    private int listOthers(int alternatives, int chosen) {
        int count = 0;
        for (int j = 0; j < alternatives; j++) {
            if (j != chosen) {
                others[count++] = u[j];
            }
        }
        return count;
    }

    // The loops over draws are methods of their own, so that the JIT's compilation of a long-running loop on the
    // stack (while the first evaluation runs) covers these small methods, not this large one, which is then
    // compiled once.

    /**
     * row[q] += value for every draw.
     *
     * @param row <b>Modified</b>
     */
    private void add(double[] row, double value) {
        for (int q = 0; q < r; q++) {
            row[q] += value;
        }
    }

    /**
     * The draws whose chosen probabilities were not all healthy, or whose bound passes {@link ArrayExp#WIDE},
     * recomputed the plain way.
     *
     * @param scaled <b>Modified</b> for those draws
     * @param count <b>Modified</b> for those draws
     * @param betaScore <b>Modified</b> for those draws when non-null
     */
    private void recomputeUnhealthy(int n, double[][] beta, double[] bound, double[] scaled, int[] count,
            double[][] betaScore) {
        for (int q = 0; q < r; q++) {
            if (!(health[q] >= HEALTHY && bound[q] <= ArrayExp.WIDE)) {
                exact.recompute(n, q, beta, scaled, count, betaScore);
            }
        }
    }

    /**
     * bound[q] = sum_a spread_a |beta_a[q]|, at least every |(x_j - x_c)'beta| of the dense situations (whose
     * exponentials are not clamped), up to rounding; NaN when a beta is not finite.
     *
     * @param bound <b>Modified</b>
     */
    private void argumentBound(double[][] beta, double[] bound) {
        Arrays.fill(bound, 0, r, 0.0);
        for (int a = 0; a < k; a++) {
            double s = spread[a];
            double[] b = beta[a];
            for (int q = 0; q < r; q++) {
                bound[q] += s * Math.abs(b[q]);
            }
        }
    }

    /**
     * difference = x_j - x_c of the alternatives other than the chosen c, in order, alternatives x K; spread keeps
     * each attribute's largest |x_j - x_c|.
     */
    private void differences(int rowFirst, int alternatives, int chosen) {
        int chosenBase = (rowFirst + chosen) * k;
        int at = 0;
        for (int j = 0; j < alternatives; j++) {
            if (j == chosen) {
                continue;
            }
            int base = (rowFirst + j) * k;
            for (int a = 0; a < k; a++) {
                double d = x[base + a] - x[chosenBase + a];
                difference[at++] = d;
                spread[a] = Math.max(spread[a], Math.abs(d));
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
     * Situations with attribute levels: inverse = 1 / sum_j exp(x_j'beta), and the chosen probability multiplies
     * the product; health keeps the smallest chosen probability, and falls below 1e-16 also when the denominator
     * leaves [1e-250, 1e250] (NaN when undefined).
     */
    private void levelChosenProbability(int alternatives, int chosen, double[] product) {
        double[] den = inverse;
        chunks.sumRows(u, alternatives, den, zeros);
        double[] e = u[chosen];
        double[] h = health;
        for (int q = 0; q < r; q++) {
            double d = den[q];
            double inv = 1.0 / d;
            double p = e[q] * inv;
            den[q] = inv;
            product[q] *= p;
            h[q] = Math.min(h[q], Math.min(p, Math.min(d, inv) * RANGE));
        }
    }

    /**
     * betaScore_a -= sum_j x_ja P_j per draw over the sparse rows' non-zero entries (u[chosen] holds the chosen
     * probability); the chosen attributes are added to chosenSparse.
     */
    private void sparseScore(int rowFirst, int alternatives, int chosen, double[][] betaScore) {
        for (int e = rows.nonZeroStart[rowFirst + chosen]; e < rows.nonZeroStart[rowFirst + chosen + 1]; e++) {
            chosenSparse[rows.attribute[e]] += rows.value[e];
        }
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
}
