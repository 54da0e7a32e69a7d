package org.mixlogit.stata;

import java.util.Locale;

/**
 * Writes result matrices into Stata within its per-matrix size limit: c(max_matdim), which the ado-file passes
 * in local {@code jm_maxdim} (800 in Stata/BE and IC, 11,000 in SE, 65,534 in MP). A matrix with more rows or
 * columns is a {@link StataLimitException} naming its size, the limit and what to change, before anything is
 * written.
 */
final class MatrixOutput {
    /** Stata/MP's limit, used when the ado-file passes none. */
    static final int LARGEST = 65534;
    private final StataSession stata;
    private final int limit;

    MatrixOutput(StataSession stata) {
        this.stata = stata;
        String given = stata.local("jm_maxdim").trim();
        int l = LARGEST;
        try {
            double d = Double.parseDouble(given);
            if (d >= 1 && d <= Integer.MAX_VALUE) {
                l = (int) d;
            }
        } catch (NumberFormatException e) {
            // the largest limit; Stata itself refuses what does not fit
        }
        this.limit = l;
    }

    /** The size limit in force. */
    int limit() {
        return limit;
    }

    /**
     * Checks that a {@code rows x cols} matrix fits.
     *
     * @param what the matrix as the user knows it ("r(D)", "e(V)")
     * @param advice what to change when it does not fit
     */
    void check(String what, int rows, int cols, String advice) {
        if (rows > limit || cols > limit) {
            throw new StataLimitException(String.format(Locale.ROOT, "%s would be %,d x %,d, but a Stata matrix holds"
                    + " at most %,d rows and columns in this Stata (c(max_matdim)); %s", what, rows, cols, limit,
                    advice));
        }
    }

    /** Checks the size, then writes (values row-major, not modified). */
    void write(String what, String name, int rows, int cols, double[] values, String[] rowNames, String[] colNames,
            String advice) {
        check(what, rows, cols, advice);
        stata.storeMatrix(name, rows, cols, values, rowNames, colNames);
    }
}
