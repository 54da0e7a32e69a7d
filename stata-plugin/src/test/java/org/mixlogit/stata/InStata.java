package org.mixlogit.stata;

import com.stata.sfi.StataSimulator;

/**
 * What the ado-files name and read in the in-memory Stata: the matrices b and V the estimation writes
 * ({@link #B}, {@link #V}), the r() matrices of post-estimation ({@link #MATRIX_NAMES}), read back flat.
 */
final class InStata {
    /** The names jmixlogit.ado gives b and V (its tempnames). */
    static final String B = "__b";
    static final String V = "__V";
    /** The name jmixlogit.ado gives the matrix of distinct optima (its tempname O). */
    static final String OPTIMA = "__O";
    /** _jmixlogit_post.ado's jm_mnames: each statistic and the matrix Java writes it into. */
    static final String MATRIX_NAMES = "D __m_D E __m_E wtp __m_wtp se __m_se sim __m_sim kr_se __m_kr_se kr_lb __m_kr_lb"
            + " kr_ub __m_kr_ub cov __m_cov cov_se __m_cov_se sd __m_sd sd_se __m_sd_se corr __m_corr"
            + " corr_se __m_corr_se";

    private InStata() {
    }

    /** e(b) as Java wrote it (Stata's order). */
    static double[] b() {
        return StataSimulator.matrix(B)[0];
    }

    /** e(V) as Java wrote it, flat row-major (Stata's order). */
    static double[] v() {
        return flat(V);
    }

    static double[] flat(String name) {
        double[][] m = StataSimulator.matrix(name);
        if (m == null) {
            throw new AssertionError("no matrix " + name);
        }
        int cols = m[0].length;
        double[] out = new double[m.length * cols];
        for (int r = 0; r < m.length; r++) {
            System.arraycopy(m[r], 0, out, r * cols, cols);
        }
        return out;
    }

    /** Element (row, col), 1-based as in Stata, of the r() matrix of a statistic ("D", "se", ...). */
    static double cell(String statistic, int row, int col) {
        return StataSimulator.matrix("__m_" + statistic)[row - 1][col - 1];
    }

    static double[][] statistic(String statistic) {
        return StataSimulator.matrix("__m_" + statistic);
    }
}
