package org.mixlogit.integration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Sobol direction numbers as Commons Math's {@link SobolSequenceGenerator} builds them: the Joe and Kuo table
 * new-joe-kuo-6.1000 shipped inside Commons Math, 52 bits. Dimension 0 has direction number 2^(51-c) for Gray-code
 * bit c; dimension k &gt;= 1 reads line k of the table (degree s, coefficients a, initial numbers m_1..m_s) and
 * extends it by the primitive-polynomial recurrence. Read here, rather than through the generator, so that the
 * cursors can step through any long index without allocating.
 */
final class SobolDirectionNumbers {
    /** Bits of every direction number; points are multiples of 2^-52 and the sequence has 2^52 of them. */
    static final int BITS = 52;
    /** Dimensions in the table. */
    static final int MAX_DIMENSION = 1000;

    private static final String RESOURCE = "/assets/org/apache/commons/math3/random/new-joe-kuo-6.1000";

    private SobolDirectionNumbers() {
    }

    /**
     * The direction numbers of dimensions 0 .. dimension-1, flat: Gray-code bit c (0 .. 51) of dimension k at
     * {@code c * dimension + k}.
     *
     * @param dimension 1 .. {@link #MAX_DIMENSION}
     */
    static long[] load(int dimension) {
        long[] direction = new long[BITS * dimension];
        for (int c = 0; c < BITS; c++) {
            direction[c * dimension] = 1L << (BITS - 1 - c);
        }
        if (dimension == 1) {
            return direction;
        }
        InputStream in = SobolSequenceGenerator.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("The Sobol direction numbers " + RESOURCE + " are not on the class"
                    + " path: put commons-math3 3.6.1 on the class path.");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            reader.readLine();
            for (int k = 1; k < dimension; k++) {
                String line = reader.readLine();
                if (line == null) {
                    throw new IllegalStateException("The Sobol direction numbers " + RESOURCE + " end before"
                            + " dimension " + (k + 1) + ".");
                }
                fillDimension(line.trim().split("\\s+"), k, dimension, direction);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the Sobol direction numbers " + RESOURCE + ": "
                    + e.getMessage(), e);
        }
        return direction;
    }

    /** Fills dimension k from its table line: d, s, a, m_1 .. m_s. */
    private static void fillDimension(String[] fields, int k, int dimension, long[] direction) {
        int s = Integer.parseInt(fields[1]);
        int a = Integer.parseInt(fields[2]);
        long[] v = new long[BITS + 1];
        for (int i = 1; i <= s; i++) {
            v[i] = Long.parseLong(fields[2 + i]) << (BITS - i);
        }
        for (int i = s + 1; i <= BITS; i++) {
            long x = v[i - s] ^ (v[i - s] >> s);
            for (int j = 1; j <= s - 1; j++) {
                if (((a >> (s - 1 - j)) & 1) != 0) {
                    x ^= v[i - j];
                }
            }
            v[i] = x;
        }
        for (int c = 0; c < BITS; c++) {
            direction[c * dimension + k] = v[c + 1];
        }
    }
}
