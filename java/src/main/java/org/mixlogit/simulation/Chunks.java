package org.mixlogit.simulation;

/**
 * Fused loops over draws for up to {@link #MAX} (value, row) pairs at once: one pass reads each row once and
 * writes the output once, where a pass per pair would re-read and re-write the output every time. The caller puts
 * the pairs in {@link #value} and {@link #row}, then calls a loop with their count; each loop is written out per
 * count so that C2 vectorizes it. (Java 17's C2 stops vectorizing a loop that reads more than six arrays, hence
 * five pairs.) Not thread-safe (one per worker).
 */
final class Chunks {
    static final int MAX = 5;

    /** The pairs' values (scalars). */
    final double[] value = new double[MAX];
    /** The pairs' rows (arrays over draws). */
    final double[][] row = new double[MAX][];
    private final int r;

    Chunks(int draws) {
        this.r = draws;
    }

    /**
     * {@code out[q] = src[q] + v0 b0[q] + v1 b1[q] + ...}, added left to right (the order of a loop adding one
     * product at a time).
     *
     * @param out <b>Modified</b>
     * @param src Not modified (may be out)
     */
    void addProducts(int size, double[] out, double[] src) {
        double v0 = value[0];
        double[] b0 = row[0];
        switch (size) {
            case 1:
                for (int q = 0; q < r; q++) {
                    out[q] = src[q] + v0 * b0[q];
                }
                return;
            case 2:
                add2(out, src, v0, b0, value[1], row[1]);
                return;
            case 3:
                add3(out, src, v0, b0, value[1], row[1], value[2], row[2]);
                return;
            case 4:
                add4(out, src, v0, b0, value[1], row[1], value[2], row[2], value[3], row[3]);
                return;
            default:
                add5(out, src, v0, b0, value[1], row[1], value[2], row[2], value[3], row[3], value[4], row[4]);
        }
    }

    private void add2(double[] out, double[] src, double v0, double[] b0, double v1, double[] b1) {
        for (int q = 0; q < r; q++) {
            out[q] = src[q] + v0 * b0[q] + v1 * b1[q];
        }
    }

    private void add3(double[] out, double[] src, double v0, double[] b0, double v1, double[] b1, double v2,
            double[] b2) {
        for (int q = 0; q < r; q++) {
            out[q] = src[q] + v0 * b0[q] + v1 * b1[q] + v2 * b2[q];
        }
    }

    private void add4(double[] out, double[] src, double v0, double[] b0, double v1, double[] b1, double v2,
            double[] b2, double v3, double[] b3) {
        for (int q = 0; q < r; q++) {
            out[q] = src[q] + v0 * b0[q] + v1 * b1[q] + v2 * b2[q] + v3 * b3[q];
        }
    }

    private void add5(double[] out, double[] src, double v0, double[] b0, double v1, double[] b1, double v2,
            double[] b2, double v3, double[] b3, double v4, double[] b4) {
        for (int q = 0; q < r; q++) {
            out[q] = src[q] + v0 * b0[q] + v1 * b1[q] + v2 * b2[q] + v3 * b3[q] + v4 * b4[q];
        }
    }

    /**
     * {@code g[q] = g[q] - v0 p0[q] - v1 p1[q] - ...}, subtracted left to right (the order of a loop subtracting
     * one product at a time).
     *
     * @param g <b>Modified</b>
     */
    void subtractProducts(int size, double[] g) {
        double v0 = value[0];
        double[] p0 = row[0];
        switch (size) {
            case 1:
                for (int q = 0; q < r; q++) {
                    g[q] -= v0 * p0[q];
                }
                return;
            case 2:
                sub2(g, v0, p0, value[1], row[1]);
                return;
            case 3:
                sub3(g, v0, p0, value[1], row[1], value[2], row[2]);
                return;
            case 4:
                sub4(g, v0, p0, value[1], row[1], value[2], row[2], value[3], row[3]);
                return;
            default:
                sub5(g, v0, p0, value[1], row[1], value[2], row[2], value[3], row[3], value[4], row[4]);
        }
    }

    private void sub2(double[] g, double v0, double[] p0, double v1, double[] p1) {
        for (int q = 0; q < r; q++) {
            g[q] = g[q] - v0 * p0[q] - v1 * p1[q];
        }
    }

    private void sub3(double[] g, double v0, double[] p0, double v1, double[] p1, double v2, double[] p2) {
        for (int q = 0; q < r; q++) {
            g[q] = g[q] - v0 * p0[q] - v1 * p1[q] - v2 * p2[q];
        }
    }

    private void sub4(double[] g, double v0, double[] p0, double v1, double[] p1, double v2, double[] p2, double v3,
            double[] p3) {
        for (int q = 0; q < r; q++) {
            g[q] = g[q] - v0 * p0[q] - v1 * p1[q] - v2 * p2[q] - v3 * p3[q];
        }
    }

    private void sub5(double[] g, double v0, double[] p0, double v1, double[] p1, double v2, double[] p2, double v3,
            double[] p3, double v4, double[] p4) {
        for (int q = 0; q < r; q++) {
            g[q] = g[q] - v0 * p0[q] - v1 * p1[q] - v2 * p2[q] - v3 * p3[q] - v4 * p4[q];
        }
    }

    /**
     * {@code out[q] = start[q] + rows[0][q] + ... + rows[n - 1][q]}, added left to right in passes of up to
     * {@link #MAX} rows; out is not written when n is 0.
     *
     * @param rows Not modified
     * @param out <b>Modified</b>
     * @param start Not modified (may be out)
     */
    void sumRows(double[][] rows, int n, double[] out, double[] start) {
        double[] src = start;
        for (int j = 0; j < n; j += MAX) {
            int size = Math.min(MAX, n - j);
            for (int i = 0; i < size; i++) {
                row[i] = rows[j + i];
            }
            addRows(size, out, src);
            src = out;
        }
    }

    /**
     * {@code out[q] = src[q] + b0[q] + b1[q] + ...}, added left to right (the values are not used).
     *
     * @param out <b>Modified</b>
     * @param src Not modified (may be out)
     */
    void addRows(int size, double[] out, double[] src) {
        double[] b0 = row[0];
        switch (size) {
            case 1:
                for (int q = 0; q < r; q++) {
                    out[q] = src[q] + b0[q];
                }
                return;
            case 2:
                sum2(out, src, b0, row[1]);
                return;
            case 3:
                sum3(out, src, b0, row[1], row[2]);
                return;
            case 4:
                sum4(out, src, b0, row[1], row[2], row[3]);
                return;
            default:
                sum5(out, src, b0, row[1], row[2], row[3], row[4]);
        }
    }

    private void sum2(double[] out, double[] src, double[] b0, double[] b1) {
        for (int q = 0; q < r; q++) {
            out[q] = src[q] + b0[q] + b1[q];
        }
    }

    private void sum3(double[] out, double[] src, double[] b0, double[] b1, double[] b2) {
        for (int q = 0; q < r; q++) {
            out[q] = src[q] + b0[q] + b1[q] + b2[q];
        }
    }

    private void sum4(double[] out, double[] src, double[] b0, double[] b1, double[] b2, double[] b3) {
        for (int q = 0; q < r; q++) {
            out[q] = src[q] + b0[q] + b1[q] + b2[q] + b3[q];
        }
    }

    private void sum5(double[] out, double[] src, double[] b0, double[] b1, double[] b2, double[] b3, double[] b4) {
        for (int q = 0; q < r; q++) {
            out[q] = src[q] + b0[q] + b1[q] + b2[q] + b3[q] + b4[q];
        }
    }

    /**
     * {@code out[q] = src[q] * b0[q] * b1[q] * ...} (the values are not used).
     *
     * @param out <b>Modified</b>
     * @param src Not modified (may be out)
     */
    void multiply(int size, double[] out, double[] src) {
        double[] b0 = row[0];
        switch (size) {
            case 1:
                for (int q = 0; q < r; q++) {
                    out[q] = src[q] * b0[q];
                }
                return;
            case 2:
                mul2(out, src, b0, row[1]);
                return;
            case 3:
                mul3(out, src, b0, row[1], row[2]);
                return;
            case 4:
                mul4(out, src, b0, row[1], row[2], row[3]);
                return;
            default:
                mul5(out, src, b0, row[1], row[2], row[3], row[4]);
        }
    }

    private void mul2(double[] out, double[] src, double[] b0, double[] b1) {
        for (int q = 0; q < r; q++) {
            out[q] = src[q] * b0[q] * b1[q];
        }
    }

    private void mul3(double[] out, double[] src, double[] b0, double[] b1, double[] b2) {
        for (int q = 0; q < r; q++) {
            out[q] = src[q] * b0[q] * b1[q] * b2[q];
        }
    }

    private void mul4(double[] out, double[] src, double[] b0, double[] b1, double[] b2, double[] b3) {
        for (int q = 0; q < r; q++) {
            out[q] = src[q] * b0[q] * b1[q] * b2[q] * b3[q];
        }
    }

    private void mul5(double[] out, double[] src, double[] b0, double[] b1, double[] b2, double[] b3, double[] b4) {
        for (int q = 0; q < r; q++) {
            out[q] = src[q] * b0[q] * b1[q] * b2[q] * b3[q] * b4[q];
        }
    }
}
