package org.mixlogit.simulation;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import org.mixlogit.math.ArrayExp;
import org.mixlogit.math.VectorExp;

/**
 * The {@link DenseSituation} on Java 17's incubating Vector API, for JVMs started with {@code --add-modules
 * jdk.incubator.vector} (the launcher's): each pass keeps a block of draws in SIMD registers across alternatives
 * and attributes, which C2's automatic vectorization cannot (it vectorizes a loop with one output row at a time, so
 * {@link PlainDenseSituation} re-reads the coefficient rows once per alternative and the probability rows once per
 * attribute). Per block of draws: the utilities of every alternative from up to five coefficient rows held in
 * registers; the exponentials ({@link VectorExp}), their sum from 1, the chosen probability, the product and the
 * health in one pass; the probabilities; the score of up to five attributes held in registers while the
 * alternatives' probabilities stream past. The same operations in the same order as {@link PlainDenseSituation},
 * so the same bits (DenseSituationTest); draws past the last whole vector go through the same arithmetic one at a
 * time. Compiled for Java 17 from {@code src/main/java17}; made by {@link DenseSituations} only. Not thread-safe.
 */
final class VectorDenseSituation implements DenseSituation {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** Coefficient rows (utilities) or score rows held in registers per pass. */
    private static final int BLOCK = 5;

    private final int r;
    /** The draws covered by whole vectors. */
    private final int bound;
    /** A row of zeros for a block's missing coefficients (its differences are zero too). */
    private final double[] zeros;
    /** Rows that receive a block's missing attributes' score (discarded). */
    private final double[][] spare;
    /** The block's differences, m x BLOCK, zero where the block has no attribute. */
    private double[] blockDifference = new double[0];

    VectorDenseSituation(int draws) {
        this.r = draws;
        this.bound = SPECIES.loopBound(draws);
        this.zeros = new double[draws];
        this.spare = new double[BLOCK][draws];
    }

    /** A row of zeros and the {@value #BLOCK} spare rows. */
    @Override
    public int scratchRows() {
        return 1 + BLOCK;
    }

    /** Whether this JVM's SIMD registers hold at least four doubles (otherwise the portable path is as fast). */
    static boolean usable() {
        return SPECIES.length() >= 4;
    }

    @Override
    public void evaluate(double[] difference, int m, int k, double[][] beta, double[][] rows, double[] inverse,
            double[] product, double[] health, double[][] betaScore) {
        if (blockDifference.length < m * BLOCK) {
            blockDifference = new double[m * BLOCK];
        }
        if (k <= BLOCK) {
            block(difference, m, k, 0);
            double[] b0 = row(beta, 0, k, 0);
            double[] b1 = row(beta, 0, k, 1);
            double[] b2 = row(beta, 0, k, 2);
            double[] b3 = row(beta, 0, k, 3);
            double[] b4 = row(beta, 0, k, 4);
            if (betaScore == null) {
                situation(m, b0, b1, b2, b3, b4, rows, inverse, product, health, null, null, null, null, null);
            } else {
                situation(m, b0, b1, b2, b3, b4, rows, inverse, product, health, spareOr(betaScore, 0, k, 0),
                        spareOr(betaScore, 0, k, 1), spareOr(betaScore, 0, k, 2), spareOr(betaScore, 0, k, 3),
                        spareOr(betaScore, 0, k, 4));
            }
            return;
        }
        for (int a = 0; a < k; a += BLOCK) {
            block(difference, m, k, a);
            int size = Math.min(BLOCK, k - a);
            utilities(m, a == 0, row(beta, a, size, 0), row(beta, a, size, 1), row(beta, a, size, 2),
                    row(beta, a, size, 3), row(beta, a, size, 4), rows);
        }
        exponentials(m, rows, inverse, product, health);
        if (betaScore != null) {
            probabilities(m, rows, inverse);
            for (int a = 0; a < k; a += BLOCK) {
                block(difference, m, k, a);
                int size = Math.min(BLOCK, k - a);
                score(m, rows, spareOr(betaScore, a, size, 0), spareOr(betaScore, a, size, 1),
                        spareOr(betaScore, a, size, 2), spareOr(betaScore, a, size, 3), spareOr(betaScore, a, size, 4));
            }
        }
    }

    /**
     * blockDifference[j * BLOCK + i] = d_j,(a + i), zero past the last attribute.
     *
     * @param difference Not modified
     */
    private void block(double[] difference, int m, int k, int a) {
        double[] bd = blockDifference;
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < BLOCK; i++) {
                bd[j * BLOCK + i] = a + i < k ? difference[j * k + a + i] : 0.0;
            }
        }
    }

    private double[] row(double[][] beta, int a, int size, int i) {
        return i < size ? beta[a + i] : zeros;
    }

    private double[] spareOr(double[][] betaScore, int a, int size, int i) {
        return i < size ? betaScore[a + i] : spare[i];
    }

    /**
     * rows[j] = (rows[j], or 0 when first) + d_j0 b0 + d_j1 b1 + ... + d_j4 b4, left to right: the plain path's
     * order (a missing coefficient adds 0 x 0 = +0, which changes no bit but a -0 utility's sign, which its
     * exponential does not see).
     *
     * @param b0 Not modified (b1 to b4 likewise)
     * @param rows <b>Modified</b>: their first m rows
     */
    private void utilities(int m, boolean first, double[] b0, double[] b1, double[] b2, double[] b3, double[] b4,
            double[][] rows) {
        double[] bd = blockDifference;
        for (int q = 0; q < bound; q += SPECIES.length()) {
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, b0, q);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, b1, q);
            DoubleVector x2 = DoubleVector.fromArray(SPECIES, b2, q);
            DoubleVector x3 = DoubleVector.fromArray(SPECIES, b3, q);
            DoubleVector x4 = DoubleVector.fromArray(SPECIES, b4, q);
            for (int j = 0; j < m; j++) {
                int o = j * BLOCK;
                DoubleVector.fromArray(SPECIES, first ? zeros : rows[j], q).add(x0.mul(bd[o]))
                        .add(x1.mul(bd[o + 1])).add(x2.mul(bd[o + 2])).add(x3.mul(bd[o + 3]))
                        .add(x4.mul(bd[o + 4])).intoArray(rows[j], q);
            }
        }
        if (bound < r) {
            utilitiesTail(m, first, b0, b1, b2, b3, b4, rows);
        }
    }

    /** {@link #utilities} for the draws past the last whole vector, one at a time. */
    private void utilitiesTail(int m, boolean first, double[] b0, double[] b1, double[] b2, double[] b3, double[] b4,
            double[][] rows) {
        double[] bd = blockDifference;
        for (int q = bound; q < r; q++) {
            for (int j = 0; j < m; j++) {
                int o = j * BLOCK;
                rows[j][q] = (first ? 0.0 : rows[j][q]) + bd[o] * b0[q] + bd[o + 1] * b1[q] + bd[o + 2] * b2[q]
                        + bd[o + 3] * b3[q] + bd[o + 4] * b4[q];
            }
        }
    }

    /**
     * rows[j] = exp(rows[j]); inverse = 1 / (1 + sum_j rows[j]); product *= inverse; health = min(health, inverse).
     *
     * @param rows <b>Modified</b>: their first m rows
     * @param inverse <b>Modified</b>
     * @param product <b>Modified</b>
     * @param health <b>Modified</b>
     */
    private void exponentials(int m, double[][] rows, double[] inverse, double[] product, double[] health) {
        for (int q = 0; q < bound; q += SPECIES.length()) {
            DoubleVector den = DoubleVector.broadcast(SPECIES, 1.0);
            for (int j = 0; j < m; j++) {
                DoubleVector e = VectorExp.expWide(DoubleVector.fromArray(SPECIES, rows[j], q));
                e.intoArray(rows[j], q);
                den = den.add(e);
            }
            DoubleVector p = DoubleVector.broadcast(SPECIES, 1.0).div(den);
            p.intoArray(inverse, q);
            DoubleVector.fromArray(SPECIES, product, q).mul(p).intoArray(product, q);
            DoubleVector.fromArray(SPECIES, health, q).min(p).intoArray(health, q);
        }
        if (bound < r) {
            exponentialsTail(m, rows, inverse, product, health);
        }
    }

    /** {@link #exponentials} past the last whole vector. */
    private void exponentialsTail(int m, double[][] rows, double[] inverse, double[] product, double[] health) {
        for (int q = bound; q < r; q++) {
            double den = 1.0;
            for (int j = 0; j < m; j++) {
                double e = ArrayExp.expWide(rows[j][q]);
                rows[j][q] = e;
                den = den + e;
            }
            double p = 1.0 / den;
            inverse[q] = p;
            product[q] *= p;
            health[q] = Math.min(health[q], p);
        }
    }

    /**
     * Up to five coefficients, in one pass per block of draws: the utilities as {@link #utilities} computes them
     * (first block), kept in registers for their exponentials and the chosen probability as {@link
     * #exponentials} computes them, then, when g0 is not null (the score's rows), the probabilities ({@link
     * #probabilities}) and the score ({@link #score}) while the block's exponentials are in the first-level cache.
     * (The score's test is the same for every block, so C2 makes a loop for each case; no vector crosses it.)
     *
     * @param b0 Not modified (b1 to b4 likewise)
     * @param rows <b>Modified</b>: their first m rows, exponentials, then probabilities with the score
     * @param inverse <b>Modified</b>
     * @param product <b>Modified</b>
     * @param health <b>Modified</b>
     * @param g0 <b>Modified</b> when not null (g1 to g4 likewise): score rows
     */
    private void situation(int m, double[] b0, double[] b1, double[] b2, double[] b3, double[] b4, double[][] rows,
            double[] inverse, double[] product, double[] health, double[] g0, double[] g1, double[] g2, double[] g3,
            double[] g4) {
        double[] bd = blockDifference;
        for (int q = 0; q < bound; q += SPECIES.length()) {
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, b0, q);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, b1, q);
            DoubleVector x2 = DoubleVector.fromArray(SPECIES, b2, q);
            DoubleVector x3 = DoubleVector.fromArray(SPECIES, b3, q);
            DoubleVector x4 = DoubleVector.fromArray(SPECIES, b4, q);
            DoubleVector zero = DoubleVector.fromArray(SPECIES, zeros, q);
            DoubleVector den = DoubleVector.broadcast(SPECIES, 1.0);
            for (int j = 0; j < m; j++) {
                int o = j * BLOCK;
                DoubleVector u = zero.add(x0.mul(bd[o])).add(x1.mul(bd[o + 1])).add(x2.mul(bd[o + 2]))
                        .add(x3.mul(bd[o + 3])).add(x4.mul(bd[o + 4]));
                DoubleVector e = VectorExp.expWide(u);
                e.intoArray(rows[j], q);
                den = den.add(e);
            }
            DoubleVector p = DoubleVector.broadcast(SPECIES, 1.0).div(den);
            p.intoArray(inverse, q);
            DoubleVector.fromArray(SPECIES, product, q).mul(p).intoArray(product, q);
            DoubleVector.fromArray(SPECIES, health, q).min(p).intoArray(health, q);
            if (g0 == null) {
                continue;
            }
            DoubleVector s0 = DoubleVector.fromArray(SPECIES, g0, q);
            DoubleVector s1 = DoubleVector.fromArray(SPECIES, g1, q);
            DoubleVector s2 = DoubleVector.fromArray(SPECIES, g2, q);
            DoubleVector s3 = DoubleVector.fromArray(SPECIES, g3, q);
            DoubleVector s4 = DoubleVector.fromArray(SPECIES, g4, q);
            for (int j = 0; j < m; j++) {
                int o = j * BLOCK;
                DoubleVector pj = DoubleVector.fromArray(SPECIES, rows[j], q).mul(p);
                pj.intoArray(rows[j], q);
                s0 = s0.sub(pj.mul(bd[o]));
                s1 = s1.sub(pj.mul(bd[o + 1]));
                s2 = s2.sub(pj.mul(bd[o + 2]));
                s3 = s3.sub(pj.mul(bd[o + 3]));
                s4 = s4.sub(pj.mul(bd[o + 4]));
            }
            s0.intoArray(g0, q);
            s1.intoArray(g1, q);
            s2.intoArray(g2, q);
            s3.intoArray(g3, q);
            s4.intoArray(g4, q);
        }
        if (bound < r) {
            utilitiesTail(m, true, b0, b1, b2, b3, b4, rows);
            exponentialsTail(m, rows, inverse, product, health);
            if (g0 != null) {
                probabilitiesTail(m, rows, inverse);
                scoreTail(m, rows, g0, g1, g2, g3, g4);
            }
        }
    }

    /**
     * rows[j] *= inverse: the probabilities.
     *
     * @param rows <b>Modified</b>: their first m rows
     * @param inverse Not modified
     */
    private void probabilities(int m, double[][] rows, double[] inverse) {
        for (int q = 0; q < bound; q += SPECIES.length()) {
            DoubleVector p = DoubleVector.fromArray(SPECIES, inverse, q);
            for (int j = 0; j < m; j++) {
                DoubleVector.fromArray(SPECIES, rows[j], q).mul(p).intoArray(rows[j], q);
            }
        }
        if (bound < r) {
            probabilitiesTail(m, rows, inverse);
        }
    }

    /** {@link #probabilities} past the last whole vector. */
    private void probabilitiesTail(int m, double[][] rows, double[] inverse) {
        for (int q = bound; q < r; q++) {
            for (int j = 0; j < m; j++) {
                rows[j][q] *= inverse[q];
            }
        }
    }

    /**
     * g_i -= d_j,i P_j for the alternatives j in order, five score rows at once.
     *
     * @param rows Not modified: the probabilities
     * @param g0 <b>Modified</b> (g1 to g4 likewise)
     */
    private void score(int m, double[][] rows, double[] g0, double[] g1, double[] g2, double[] g3, double[] g4) {
        double[] bd = blockDifference;
        for (int q = 0; q < bound; q += SPECIES.length()) {
            DoubleVector s0 = DoubleVector.fromArray(SPECIES, g0, q);
            DoubleVector s1 = DoubleVector.fromArray(SPECIES, g1, q);
            DoubleVector s2 = DoubleVector.fromArray(SPECIES, g2, q);
            DoubleVector s3 = DoubleVector.fromArray(SPECIES, g3, q);
            DoubleVector s4 = DoubleVector.fromArray(SPECIES, g4, q);
            for (int j = 0; j < m; j++) {
                int o = j * BLOCK;
                DoubleVector p = DoubleVector.fromArray(SPECIES, rows[j], q);
                s0 = s0.sub(p.mul(bd[o]));
                s1 = s1.sub(p.mul(bd[o + 1]));
                s2 = s2.sub(p.mul(bd[o + 2]));
                s3 = s3.sub(p.mul(bd[o + 3]));
                s4 = s4.sub(p.mul(bd[o + 4]));
            }
            s0.intoArray(g0, q);
            s1.intoArray(g1, q);
            s2.intoArray(g2, q);
            s3.intoArray(g3, q);
            s4.intoArray(g4, q);
        }
        if (bound < r) {
            scoreTail(m, rows, g0, g1, g2, g3, g4);
        }
    }

    /** {@link #score} past the last whole vector. */
    private void scoreTail(int m, double[][] rows, double[] g0, double[] g1, double[] g2, double[] g3, double[] g4) {
        double[] bd = blockDifference;
        for (int q = bound; q < r; q++) {
            double t0 = g0[q];
            double t1 = g1[q];
            double t2 = g2[q];
            double t3 = g3[q];
            double t4 = g4[q];
            for (int j = 0; j < m; j++) {
                int o = j * BLOCK;
                double p = rows[j][q];
                t0 -= bd[o] * p;
                t1 -= bd[o + 1] * p;
                t2 -= bd[o + 2] * p;
                t3 -= bd[o + 3] * p;
                t4 -= bd[o + 4] * p;
            }
            g0[q] = t0;
            g1[q] = t1;
            g2[q] = t2;
            g3[q] = t3;
            g4[q] = t4;
        }
    }
}
