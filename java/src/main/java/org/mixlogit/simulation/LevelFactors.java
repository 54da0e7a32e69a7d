package org.mixlogit.simulation;

import java.util.Arrays;

import org.mixlogit.math.ArrayExp;

/**
 * The attribute-level factors of one decision-maker whose attributes take few levels (see {@link RowStructure}):
 * exp(value x beta_k) for each of its distinct (attribute, value) pairs and every draw, so that exp(x_j'beta) is a
 * product of factors, one exponential per level and draw instead of one per row and draw. The factors use
 * {@link ArrayExp}, exact to an ulp for arguments within +-40; {@link #build} declines a decision-maker whose
 * arguments could leave that range (the kernel then computes it without levels). Not thread-safe.
 */
final class LevelFactors {
    /** Largest |value x beta| for which the clamped exponential is exact. */
    private static final double SAFE = 40.0;

    private final RowStructure rows;
    private final int r;
    private final double[][] factor;
    private final double[] work;
    private final double[] ones;
    private final double[] largestBeta;

    LevelFactors(ModelDesign design, int draws) {
        this.rows = design.rows;
        this.r = draws;
        this.factor = new double[rows.maxLevels][r];
        this.work = new double[r];
        this.ones = new double[r];
        Arrays.fill(ones, 1.0);
        this.largestBeta = new double[design.k];
    }

    /**
     * The factors of decision-maker n, or false (nothing built) when some |value x beta| may exceed 40 or is not
     * finite.
     *
     * @param beta Not modified
     */
    boolean build(int n, double[][] beta) {
        int first = rows.levelStart[n];
        int count = rows.levelStart[n + 1] - first;
        Arrays.fill(largestBeta, -1.0);
        for (int l = 0; l < count; l++) {
            int a = rows.levelAttribute[first + l];
            if (largestBeta[a] < 0) {
                largestBeta[a] = largestMagnitude(beta[a], r);
            }
            if (!(Math.abs(rows.levelValue[first + l]) * largestBeta[a] <= SAFE)) {
                return false;
            }
        }
        for (int l = 0; l < count; l++) {
            double[] out = factor[l];
            scale(rows.levelValue[first + l], beta[rows.levelAttribute[first + l]], out, r);
            ArrayExp.exp(out, out, work, r);
        }
        return true;
    }

    // The loops over draws are methods of their own, so that the JIT compiles each small loop once instead of
    // compiling build three times (twice on-stack at each loop, then whole): Electricity's start-up.

    /**
     * max_q |b[q]| over the first r entries.
     *
     * @param b Not modified
     */
    private static double largestMagnitude(double[] b, int r) {
        double largest = 0;
        for (int q = 0; q < r; q++) {
            largest = Math.max(largest, Math.abs(b[q]));
        }
        return largest;
    }

    /**
     * out[q] = value x b[q] for the first r entries.
     *
     * @param b Not modified
     * @param out <b>Modified</b>
     */
    private static void scale(double value, double[] b, double[] out, int r) {
        for (int q = 0; q < r; q++) {
            out[q] = value * b[q];
        }
    }

    /**
     * exp(x_j'beta) of the rows of one situation, products of the factors of their non-zero entries.
     *
     * @param out <b>Modified</b>: rows 0 .. alternatives-1
     */
    void exponentials(int rowFirst, int alternatives, double[][] out, Chunks chunks) {
        for (int j = 0; j < alternatives; j++) {
            int e0 = rows.nonZeroStart[rowFirst + j];
            int e1 = rows.nonZeroStart[rowFirst + j + 1];
            double[] src = ones;
            if (e0 == e1) {
                System.arraycopy(ones, 0, out[j], 0, r);
            }
            for (int e = e0; e < e1; e += Chunks.MAX) {
                int size = Math.min(Chunks.MAX, e1 - e);
                for (int i = 0; i < size; i++) {
                    chunks.row[i] = factor[rows.level[e + i]];
                }
                chunks.multiply(size, out[j], src);
                src = out[j];
            }
        }
    }
}
