package org.mixlogit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NumericColumnTest {

    private static void assertSameBits(double[] expected, NumericColumn column) {
        assertEquals(expected.length, column.size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(column.get(i)),
                    "value " + i + " (" + expected[i] + ") in " + column);
        }
    }

    @Test
    @DisplayName("whole numbers and halves are stored as floats and read back bit for bit")
    void floats() {
        double[] v = {0, 1, -3, 0.5, 16777216, -0.0, 1e-3f, 3.25};
        NumericColumn c = NumericColumn.of(v);
        assertEquals(NumericColumn.Encoding.FLOAT, c.encoding());
        assertEquals(4, c.bytesPerValue());
        assertSameBits(v, c);
    }

    @Test
    @DisplayName("short decimals that are not floats are stored as ints (shorts when they fit) over a power of ten, bit"
            + " for bit")
    void decimals() {
        double[] v = new double[2001];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(Double.toString((i - 1000) / 500.0)); // the synthetic panel's attributes
        }
        NumericColumn c = NumericColumn.of(v);
        assertEquals(NumericColumn.Encoding.DECIMAL, c.encoding());
        assertEquals("NumericColumn[2001 values, DECIMAL over 1000]", c.toString());
        // m = 2k in [-2000, 2000]: short mantissas
        assertEquals(2, c.bytesPerValue());
        assertSameBits(v, c);
        double[] money = {19.99, -0.01, 1234567.89, 0.1, 0.7};
        NumericColumn m = NumericColumn.of(money);
        assertEquals(NumericColumn.Encoding.DECIMAL, m.encoding());
        assertEquals(4, m.bytesPerValue());
        assertSameBits(money, m);
        double[] edges = {-327.68, 327.67, 0.01};
        assertEquals(2, NumericColumn.of(edges).bytesPerValue());
        assertSameBits(edges, NumericColumn.of(edges));
        double[] beyond = {-327.69, 0.01};
        assertEquals(4, NumericColumn.of(beyond).bytesPerValue());
        assertSameBits(beyond, NumericColumn.of(beyond));
    }

    @Test
    @DisplayName("a column with one value that is neither stays double")
    void doubles() {
        double[] v = {1, 2, 0.5, Math.PI};
        NumericColumn c = NumericColumn.of(v);
        assertEquals(NumericColumn.Encoding.DOUBLE, c.encoding());
        assertEquals(8, c.bytesPerValue());
        assertSameBits(v, c);
        double[] tooManyDigits = {0.1, 1e-10};
        assertEquals(NumericColumn.Encoding.DOUBLE, NumericColumn.of(tooManyDigits).encoding());
        double[] negativeZero = {0.1, -0.0};
        NumericColumn z = NumericColumn.of(negativeZero);
        assertEquals(NumericColumn.Encoding.DOUBLE, z.encoding());
        assertSameBits(negativeZero, z);
        double[] huge = {0.5e10 + 0.1};
        assertEquals(NumericColumn.Encoding.DOUBLE, NumericColumn.of(huge).encoding());
    }

    @Test
    @DisplayName("non-finite values keep their meaning, so validation names them as before")
    void nonFinite() {
        double[] v = {1, Double.NaN, Double.POSITIVE_INFINITY};
        NumericColumn c = NumericColumn.of(v);
        assertEquals(NumericColumn.Encoding.FLOAT, c.encoding());
        assertSameBits(v, c);
    }

    @Test
    @DisplayName("the builder grows across blocks and encodes like of(...); permuted and range keep the encoding")
    void builderPermutedRange() {
        int n = 150_000;
        double[] v = new double[n];
        NumericColumn.Builder b = new NumericColumn.Builder();
        for (int i = 0; i < n; i++) {
            v[i] = (i % 2001 - 1000) / 500.0;
            b.add(v[i]);
        }
        NumericColumn c = b.build();
        assertEquals(NumericColumn.Encoding.DECIMAL, c.encoding());
        assertSameBits(v, c);
        int[] order = {n - 1, 0, 70_000};
        NumericColumn p = c.permuted(order);
        assertEquals(NumericColumn.Encoding.DECIMAL, p.encoding());
        assertEquals(2, p.bytesPerValue());
        assertSameBits(new double[] {v[n - 1], v[0], v[70_000]}, p);
        assertSameBits(new double[] {v[16_383], v[16_384]}, c.range(16_383, 16_385));
        assertEquals(2, c.range(16_383, 16_385).bytesPerValue());
    }
}
