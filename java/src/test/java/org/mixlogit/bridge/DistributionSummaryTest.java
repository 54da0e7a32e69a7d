package org.mixlogit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The numbers of R's rpar summary against the closed forms of each distribution. */
class DistributionSummaryTest {
    private static final NormalDistribution N = new NormalDistribution();
    private static final double INF = Double.POSITIVE_INFINITY;

    private static void check(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            double tolerance = Double.isInfinite(expected[i]) ? 0.0 : 1e-12 * Math.max(1, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], tolerance,
                    DistributionSummary.NAMES[i] + " of " + Arrays.toString(actual));
        }
    }

    @Test
    @DisplayName("normal: unbounded, quartiles m + s qnorm, shares Phi(-m/|s|); a negative s gives the same")
    void normal() {
        double below = N.cumulativeProbability(-0.5);
        double q = N.inverseCumulativeProbability(0.25);
        double[] expected = {-INF, 1 + 2 * q, 1, 1, 1 - 2 * q, INF, 2, below, 0, 1 - below};
        check(expected, MixlogitBridge.distributionSummary("n", 1, 2));
        check(expected, MixlogitBridge.distributionSummary("n", 1, -2));
        assertEquals(Arrays.asList("min", "q25", "median", "mean", "q75", "max", "sd", "below0", "at0", "above0"),
                Arrays.asList(MixlogitBridge.distributionSummaryNames()));
    }

    @Test
    @DisplayName("lognormal: min exactly 0, all of the population above 0, median exp(m), mean exp(m + s^2/2)")
    void lognormal() {
        double q = N.inverseCumulativeProbability(0.25);
        double m = -0.5;
        double s = 0.8;
        double mean = Math.exp(m + s * s / 2);
        double sd = Math.sqrt((Math.exp(s * s) - 1) * Math.exp(2 * m + s * s));
        check(new double[] {0, Math.exp(m + s * q), Math.exp(m), mean, Math.exp(m - s * q), INF, sd, 0, 0, 1},
                MixlogitBridge.distributionSummary("ln", m, s));
    }

    @Test
    @DisplayName("uniform and triangular: bounded at m -+ |s|; the uniform's share below 0 is linear")
    void bounded() {
        check(new double[] {-1, 0, 1, 1, 2, 3, 2 / Math.sqrt(3), 0.25, 0, 0.75},
                MixlogitBridge.distributionSummary("u", 1, 2));
        double[] t = MixlogitBridge.distributionSummary("t", 1, 2);
        assertEquals(-1, t[0], 1e-12);
        assertEquals(3, t[5], 1e-12);
        assertEquals(0.125, t[7], 1e-12, "triangular on [-1, 3]: P(beta < 0) = (1/2)^2 / 2");
        double[] e = MixlogitBridge.distributionSummary("e", 1, -2);
        assertEquals(Double.NEGATIVE_INFINITY, e[0], 0.0, "a negative exponential scale mirrors the support");
        assertEquals(1.0, e[5], 0.0);
        assertEquals(Math.exp(-0.5), e[7], 1e-12, "1 - 2E < 0 when E > 1/2: P = exp(-1/2)");
    }

    @Test
    @DisplayName("censored normal: the atom at zero is the share at 0, nothing below")
    void censored() {
        double atom = N.cumulativeProbability(-0.5);
        double[] c = MixlogitBridge.distributionSummary("cn", 1, 2);
        assertEquals(0, c[0], 0.0);
        assertEquals(0, c[7], 0.0);
        assertEquals(atom, c[8], 1e-12);
        assertEquals(1 - atom, c[9], 1e-12);
        assertEquals(0.0, c[1], 0.0, "the 25% quantile lies in the atom (mass 0.31)");
    }
}
