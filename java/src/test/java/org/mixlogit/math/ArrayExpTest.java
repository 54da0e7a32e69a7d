package org.mixlogit.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ArrayExpTest {
    private static double[] arguments(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            // mostly the range where logit terms matter, some near 0 and near the floor
            x[i] = i % 3 == 0 ? -random.nextDouble() * 1e-3 : 90 * random.nextDouble() - 45;
        }
        return x;
    }

    @Test
    @DisplayName("within 1 ulp of Math.exp on 200,000 arguments in [-42, 42]; exp(0) = 1 exactly")
    void accurate() {
        int n = 200_000;
        double[] x = arguments(n, 18);
        x[0] = 0.0;
        x[1] = -0.0;
        x[2] = -Math.log(2) / 2;
        x[3] = Math.log(2) / 2 - 1;
        double[] out = new double[n];
        ArrayExp.expShifted(x, new double[n], out, new double[n], n);
        assertEquals(1.0, out[0]);
        assertEquals(1.0, out[1]);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double v = Math.min(Math.max(x[i], ArrayExp.FLOOR), ArrayExp.CEILING);
            double exact = Math.exp(v);
            worst = Math.max(worst, Math.abs(out[i] - exact) / Math.ulp(exact));
        }
        assertTrue(worst <= 1.0, "worst error " + worst + " ulp");
    }

    @Test
    @DisplayName("arguments below the floor (and -infinity) give exp(-42), above the ceiling exp(42); the shift is"
            + " subtracted first")
    void floorAndShift() {
        double[] x = {-43, -1e300, Double.NEGATIVE_INFINITY, 5.0, 3.5, 43, Double.POSITIVE_INFINITY, 42};
        double[] shift = {0, 0, 0, 5.0, 4.0, 0, 0, -1};
        double[] out = new double[8];
        ArrayExp.expShifted(x, shift, out, new double[8], 8);
        double floor = Math.exp(ArrayExp.FLOOR);
        double ceiling = Math.exp(ArrayExp.CEILING);
        for (int i = 0; i < 3; i++) {
            assertEquals(floor, out[i], Math.ulp(floor));
        }
        assertEquals(1.0, out[3]);
        assertEquals(Math.exp(-0.5), out[4], Math.ulp(Math.exp(-0.5)));
        for (int i = 5; i < 8; i++) {
            assertEquals(ceiling, out[i], Math.ulp(ceiling));
        }
    }

    @Test
    @DisplayName("the three ways of scaling by 2^k (Unsafe, long-to-double conversion, plain bits) agree bit for bit")
    void pathsAgree() {
        int n = 50_000;
        double[] x = arguments(n, 7);
        double[] zero = new double[n];
        double[][] out = new double[3][n];
        ArrayExp.Path[] paths = ArrayExp.Path.values();
        for (int p = 0; p < paths.length; p++) {
            if (paths[p] == ArrayExp.Path.UNSAFE && ArrayExp.PATH != ArrayExp.Path.UNSAFE) {
                out[p] = null;
                continue;
            }
            ArrayExp.expShifted(paths[p], x, zero, out[p], new double[n], n);
        }
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < paths.length; p++) {
                if (out[p] != null) {
                    assertEquals(Double.doubleToRawLongBits(out[2][i]), Double.doubleToRawLongBits(out[p][i]),
                            paths[p] + " at x = " + x[i]);
                }
            }
        }
    }

    @Test
    @DisplayName("expWide: the same bits as exp on [-42, 42], within 1 ulp of Math.exp on [-680, 680], on every path")
    void wide() {
        int n = 60_000;
        double[] x = arguments(n, 11);
        double[] narrow = new double[n];
        ArrayExp.exp(x, narrow, new double[n], n);
        double[] wide = new double[n];
        ArrayExp.expWide(x, wide, new double[n], n);
        for (int i = 0; i < n; i++) {
            if (Math.abs(x[i]) <= ArrayExp.CEILING) {
                assertEquals(Double.doubleToRawLongBits(narrow[i]), Double.doubleToRawLongBits(wide[i]), "x = " + x[i]);
            }
        }
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            x[i] = (2 * random.nextDouble() - 1) * ArrayExp.WIDE;
        }
        x[0] = ArrayExp.WIDE;
        x[1] = -ArrayExp.WIDE;
        ArrayExp.Path[] paths = ArrayExp.Path.values();
        double[] reference = null;
        for (ArrayExp.Path path : paths) {
            if (path == ArrayExp.Path.UNSAFE && ArrayExp.PATH != ArrayExp.Path.UNSAFE) {
                continue;
            }
            double[] out = new double[n];
            ArrayExp.expWide(path, x, out, new double[n], n);
            double worst = 0;
            for (int i = 0; i < n; i++) {
                double exact = Math.exp(x[i]);
                worst = Math.max(worst, Math.abs(out[i] - exact) / Math.ulp(exact));
                if (reference != null) {
                    assertEquals(Double.doubleToRawLongBits(reference[i]), Double.doubleToRawLongBits(out[i]),
                            path + " at x = " + x[i]);
                }
            }
            assertTrue(worst <= 1.0, path + ": worst error " + worst + " ulp");
            reference = out;
        }
    }
}
