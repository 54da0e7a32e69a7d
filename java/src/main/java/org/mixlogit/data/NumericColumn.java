package org.mixlogit.data;

import java.util.Arrays;

/**
 * An immutable column of doubles stored compactly when that is exact: {@link Encoding#FLOAT} when every value
 * round-trips through a float bit for bit, otherwise {@link Encoding#DECIMAL} when every value is an int m over a
 * power of ten 10^d (d at most 9) such that the double division m / 10^d gives back the value bit for bit (values
 * written with few decimals, e.g. 0.002 or -1.25), otherwise {@link Encoding#DOUBLE}. {@link #get} returns exactly
 * the double that was stored, whatever the encoding: storage never changes a result. Compact columns take 4 bytes
 * a value instead of 8, and a decimal column whose every m lies in [-32768, 32767] (e.g. values k / 500 with |k| <=
 * 16,000) 2 bytes.
 */
public final class NumericColumn {
    /** How the values are held. */
    public enum Encoding {
        /** 8 bytes a value. */
        DOUBLE,
        /** 4 bytes a value: every value is exactly a float. */
        FLOAT,
        /**
         * 4 bytes a value (2 when every m fits a short): every value is exactly (double) m / 10^d for an int m and
         * one d in 0..9.
         */
        DECIMAL
    }

    private static final int MAX_DECIMALS = 9;
    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    private final double[] doubles;
    private final float[] floats;
    private final int[] mantissas;
    /** The mantissas when every one fits a short (then {@link #mantissas} is null). */
    private final short[] shortMantissas;
    private final double scale;
    private final int size;

    private NumericColumn(double[] doubles, float[] floats, int[] mantissas, double scale, int size) {
        this(doubles, floats, mantissas, null, scale, size);
    }

    private NumericColumn(double[] doubles, float[] floats, int[] mantissas, short[] shortMantissas, double scale,
            int size) {
        this.doubles = doubles;
        this.floats = floats;
        this.mantissas = mantissas;
        this.shortMantissas = shortMantissas;
        this.scale = scale;
        this.size = size;
    }

    /** A decimal column over {@code scale}: short mantissas when all fit, else the ints. */
    private static NumericColumn decimal(int[] m, double scale) {
        for (int v : m) {
            if (v != (short) v) {
                return new NumericColumn(null, null, m, scale, m.length);
            }
        }
        short[] s = new short[m.length];
        for (int i = 0; i < m.length; i++) {
            s[i] = (short) m[i];
        }
        return new NumericColumn(null, null, null, s, scale, m.length);
    }

    /** The values, in the most compact exact encoding. {@code values} is not modified (nor kept). */
    public static NumericColumn of(double[] values) {
        return of(i -> values[i], values.length);
    }

    /** Read access to values being encoded. */
    private interface Values {
        double get(int i);
    }

    private static NumericColumn of(Values values, int size) {
        if (fitsFloat(values, size)) {
            float[] f = new float[size];
            for (int i = 0; i < size; i++) {
                f[i] = (float) values.get(i);
            }
            return new NumericColumn(null, f, null, 0, size);
        }
        int d = decimals(values, size);
        if (d >= 0) {
            double s = POWERS[d];
            int[] m = new int[size];
            for (int i = 0; i < size; i++) {
                m[i] = (int) Math.rint(values.get(i) * s);
            }
            return decimal(m, s);
        }
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = values.get(i);
        }
        return new NumericColumn(out, null, null, 0, size);
    }

    private static boolean fitsFloat(Values values, int size) {
        for (int i = 0; i < size; i++) {
            double v = values.get(i);
            if (Double.doubleToRawLongBits((float) v) != Double.doubleToRawLongBits(v)) {
                return false;
            }
        }
        return true;
    }

    /** The smallest d for which every value is exactly an int over 10^d, or -1. */
    private static int decimals(Values values, int size) {
        int d = 0;
        for (int i = 0; i < size; i++) {
            while (d <= MAX_DECIMALS && !exact(values.get(i), POWERS[d])) {
                d++;
            }
            if (d > MAX_DECIMALS) {
                return -1;
            }
        }
        for (int i = 0; i < size; i++) {
            // a value exact at a smaller d is nearly always exact at d too; check, never assume
            if (!exact(values.get(i), POWERS[d])) {
                return -1;
            }
        }
        return d;
    }

    private static boolean exact(double v, double scale) {
        double r = Math.rint(v * scale);
        if (!(Math.abs(r) <= Integer.MAX_VALUE)) {
            return false;
        }
        int m = (int) r; // what is stored: -0.0 becomes 0 and then decodes to +0.0, so it is not exact
        return Double.doubleToRawLongBits(m / scale) == Double.doubleToRawLongBits(v);
    }

    /**
     * Collects a column value by value (e.g. while reading a file) in blocks of 16,384 doubles, so that growing it
     * never copies nor leaves unused capacity beyond one block (and no block is large enough for G1 to treat it as
     * a humongous object); {@link #build} encodes it. Not thread-safe.
     */
    public static final class Builder {
        private static final int SHIFT = 14;
        private static final int BLOCK = 1 << SHIFT;
        private double[][] blocks = new double[16][];
        private int size;

        public void add(double value) {
            int b = size >>> SHIFT;
            if (b == blocks.length) {
                blocks = Arrays.copyOf(blocks, 2 * b);
            }
            if (blocks[b] == null) {
                blocks[b] = new double[BLOCK];
            }
            blocks[b][size & (BLOCK - 1)] = value;
            size++;
        }

        public int size() {
            return size;
        }

        /** The values added so far, in the most compact exact encoding. */
        public NumericColumn build() {
            double[][] data = blocks;
            return of(i -> data[i >>> SHIFT][i & (BLOCK - 1)], size);
        }
    }

    public int size() {
        return size;
    }

    public Encoding encoding() {
        return doubles != null ? Encoding.DOUBLE : floats != null ? Encoding.FLOAT : Encoding.DECIMAL;
    }

    /** Bytes of storage per value: 8, or 4 when compact, or 2 for a decimal column of short mantissas. */
    public int bytesPerValue() {
        return doubles != null ? 8 : shortMantissas != null ? 2 : 4;
    }

    /** The value in row {@code i}: bit for bit the double given. */
    public double get(int i) {
        if (doubles != null) {
            return doubles[i];
        }
        if (floats != null) {
            return floats[i];
        }
        if (shortMantissas != null) {
            return shortMantissas[i] / scale;
        }
        return mantissas[i] / scale;
    }

    /** The values as doubles, copied. */
    public double[] toArray() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = get(i);
        }
        return out;
    }

    /** The values in rows {@code order[0], order[1], ...}, in this column's encoding. {@code order} not modified. */
    public NumericColumn permuted(int[] order) {
        int n = order.length;
        if (doubles != null) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = doubles[order[i]];
            }
            return new NumericColumn(out, null, null, 0, n);
        }
        if (floats != null) {
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = floats[order[i]];
            }
            return new NumericColumn(null, out, null, 0, n);
        }
        if (shortMantissas != null) {
            short[] out = new short[n];
            for (int i = 0; i < n; i++) {
                out[i] = shortMantissas[order[i]];
            }
            return new NumericColumn(null, null, null, out, scale, n);
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = mantissas[order[i]];
        }
        return new NumericColumn(null, null, out, scale, n);
    }

    /** Rows {@code from .. to-1}, in this column's encoding. */
    public NumericColumn range(int from, int to) {
        return new NumericColumn(doubles == null ? null : Arrays.copyOfRange(doubles, from, to),
                floats == null ? null : Arrays.copyOfRange(floats, from, to),
                mantissas == null ? null : Arrays.copyOfRange(mantissas, from, to),
                shortMantissas == null ? null : Arrays.copyOfRange(shortMantissas, from, to), scale, to - from);
    }

    @Override
    public String toString() {
        return "NumericColumn[" + size + " values, " + encoding()
                + (doubles == null && floats == null ? " over " + (long) scale : "") + "]";
    }
}
