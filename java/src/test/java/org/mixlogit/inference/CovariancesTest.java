package org.mixlogit.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The covariance formulas on small hand-checkable inputs. */
class CovariancesTest {
    private static final int P = 2;

    private static double[] scores(int n, long seed) {
        Random random = new Random(seed);
        double[] s = new double[n * P];
        for (int i = 0; i < s.length; i++) {
            s[i] = random.nextGaussian();
        }
        return s;
    }

    @Test
    @DisplayName("Hessian, OPG and robust follow their definitions; one cluster per observation = robust x G/(G-1)")
    void definitions() {
        int n = 50;
        double[] s = scores(n, 1);
        double[] w = new double[n];
        long[] own = new long[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1.0;
            own[i] = i;
        }
        double[] h = {-40, 5, 5, -20};
        Covariances c = Covariances.compute(h, s, w, own, P);
        double det = 40 * 20 - 25;
        double[] inverse = {20 / det, 5 / det, 5 / det, 40 / det};
        assertArrayEquals(inverse, c.matrix(CovarianceType.HESSIAN), 1e-12);
        double a = 0;
        double b = 0;
        double d = 0;
        for (int i = 0; i < n; i++) {
            a += s[2 * i] * s[2 * i];
            b += s[2 * i] * s[2 * i + 1];
            d += s[2 * i + 1] * s[2 * i + 1];
        }
        double detB = a * d - b * b;
        assertArrayEquals(new double[] {d / detB, -b / detB, -b / detB, a / detB}, c.matrix(CovarianceType.OPG),
                1e-12);
        double[] robust = c.matrix(CovarianceType.ROBUST);
        double[] cluster = c.matrix(CovarianceType.CLUSTER);
        for (int i = 0; i < 4; i++) {
            assertEquals(robust[i] * n / (n - 1.0), cluster[i], 1e-12);
        }
        assertTrue(c.isHessianNegativeDefinite());
        assertEquals(n, c.clusterCount());
    }

    @Test
    @DisplayName("clusters sum scores before the outer product")
    void clustersSumScores() {
        double[] s = {1, 0, 1, 0, 0, 2, 0, -1};
        double[] w = {1, 1, 1, 1};
        long[] clusters = {7, 7, 9, 9};
        Covariances c = Covariances.compute(new double[] {-1, 0, 0, -1}, s, w, clusters, P);
        // cluster sums (2, 0) and (0, 1); meat = G/(G-1) * diag(4, 1) = diag(8, 2); bread = I
        assertArrayEquals(new double[] {8, 0, 0, 2}, c.matrix(CovarianceType.CLUSTER), 1e-12);
    }

    @Test
    @DisplayName("an indefinite Hessian leaves Hessian-based covariances unavailable, with a reason")
    void indefinite() {
        Covariances c = Covariances.compute(new double[] {-1, 0, 0, 2}, scores(10, 2), new double[10],
                new long[10], P);
        assertFalse(c.isAvailable(CovarianceType.HESSIAN));
        assertFalse(c.isHessianNegativeDefinite());
        assertNotNull(c.problem(CovarianceType.ROBUST));
        assertTrue(Double.isNaN(c.standardErrors(CovarianceType.HESSIAN)[0]));
    }
}
