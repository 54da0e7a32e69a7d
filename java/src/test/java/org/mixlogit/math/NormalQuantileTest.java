package org.mixlogit.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The AS 241 normal quantile against high-precision values, Commons Math, and its own distribution function. */
class NormalQuantileTest {

    /**
     * Golden values: the exact quantile of the double p, by mpmath 1.3.0 at 40 digits (root of log Phi(z) = log p).
     * R's qnorm, the same algorithm, prints the same digits, e.g. qnorm(0.975) = 1.959963984540054 and
     * qnorm(1e-300) = -37.0470962993612.
     */
    @ParameterizedTest(name = "quantile({0}) = {1}")
    @CsvSource({
        "1e-300, -37.047096299361199237",
        "2.2250738585072014e-308, -37.519379347144499821",
        "1e-100, -21.273453560965324294",
        "1e-20, -9.2623400897984075796",
        "1e-10, -6.3613409024040561991",
        "1e-05, -4.2648907939228246102",
        "0.001, -3.0902323061678135354",
        "0.01, -2.3263478740408410931",
        "0.025, -1.9599639845400542118",
        "0.1, -1.2815515655446004353",
        "0.3, -0.52440051270804081597",
        "0.7, 0.52440051270804065631",
        "0.975, 1.9599639845400538556",
        "0.999, 3.0902323061678132778",
        "0.9999999999, 6.3613408896974218642",
        "0.9999999999999999, 8.2095361516013868556"
    })
    void matchesHighPrecisionValues(double p, double expected) {
        assertEquals(expected, NormalQuantile.quantile(p), 2e-15 * Math.abs(expected));
    }

    @Test
    @DisplayName("quantile(0.5) is exactly 0")
    void medianIsZero() {
        assertEquals(0.0, NormalQuantile.quantile(0.5), 0.0);
    }

    @Test
    @DisplayName("the smallest subnormal p still gives a finite quantile near -38.4674")
    void subnormalProbability() {
        // mpmath: Phi^-1(4.9e-324) = -38.467405617144346251
        assertEquals(-38.467405617144346251, NormalQuantile.quantile(Double.MIN_VALUE), 1e-13);
    }

    /**
     * Commons Math computes sqrt(2) erfInv(2p - 1): forming 2p - 1 costs up to ulp(1)/2 in p, i.e. 1.1e-16 /
     * (2 phi(z)) in z, which dominates in the tails; elsewhere the two must agree to about 1e-15.
     */
    @Test
    @DisplayName("agrees with Commons Math from 1e-10 to 1 - 1e-10, within Commons Math's own error")
    void agreesWithCommonsMath() {
        NormalDistribution normal = new NormalDistribution(null, 0, 1);
        for (int i = 0; i <= 400; i++) {
            double logit = -23.0 + 46.0 * i / 400;
            double p = 1 / (1 + Math.exp(-logit));
            double z = NormalQuantile.quantile(p);
            double cm = normal.inverseCumulativeProbability(p);
            double tolerance = 1e-15 * Math.max(1, Math.abs(z)) + 1.2e-16 / NormalQuantile.density(z);
            assertEquals(cm, z, tolerance, "p = " + p);
        }
        for (int i = 1; i < 1000; i++) {
            double p = i / 1000.0;
            assertEquals(normal.inverseCumulativeProbability(p), NormalQuantile.quantile(p),
                    2e-15 * Math.max(1, Math.abs(NormalQuantile.quantile(p))), "p = " + p);
        }
    }

    /**
     * Phi(quantile(p)) = p for p = 10^-k, k = 1 .. 300. Relative error of the round trip is at least |z| times
     * the rounding of z (up to |z| ulp(z), 2.6e-13 at z = -37) plus the tail error of erfc; the bound
     * 1e-14 + 2e-15 z^2 is 1.1e-14 at k = 1 and 2.8e-12 at k = 300.
     */
    @Test
    @DisplayName("cdf(quantile(10^-k)) = 10^-k for k = 1 .. 300")
    void roundTripThroughTheTail() {
        for (int k = 1; k <= 300; k++) {
            double p = Double.parseDouble("1e-" + k);
            double z = NormalQuantile.quantile(p);
            double relative = Math.abs(NormalQuantile.cdf(z) - p) / p;
            assertTrue(relative <= 1e-14 + 2e-15 * z * z, "k = " + k + ": z = " + z + ", relative error "
                    + relative);
        }
    }

    @Test
    @DisplayName("quantile(1 - 2^-k) = -quantile(2^-k) exactly (1 - p is formed exactly)")
    void upperTailIsExactMirror() {
        for (int k = 1; k <= 53; k++) {
            double p = Math.scalb(1.0, -k);
            assertEquals(-NormalQuantile.quantile(p), NormalQuantile.quantile(1 - p), 0.0, "k = " + k);
        }
        assertEquals(8.2095361516013868556, NormalQuantile.quantile(Math.nextDown(1.0)), 1e-14);
    }

    @ParameterizedTest(name = "quantile({0}) is refused")
    @ValueSource(doubles = {0.0, 1.0, -0.25, 1.5, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY})
    void refusesValuesOutsideTheOpenInterval(double p) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NormalQuantile.quantile(p));
        assertTrue(e.getMessage().startsWith("p is " + p), e.getMessage());
    }

    /** Golden values by mpmath 1.3.0 (ncdf, npdf) at 40 digits. */
    @ParameterizedTest(name = "cdf({0}) = {1}")
    @CsvSource({
        "-37.0470962993612, 9.9999999999995236547e-301",
        "-20, 2.7536241186062336951e-89",
        "-5, 2.8665157187919391167e-7",
        "0, 0.5",
        "1.959963984540054, 0.97499999999999998912",
        "3, 0.99865010196836990547"
    })
    void cdfMatchesHighPrecisionValues(double z, double expected) {
        assertEquals(expected, NormalQuantile.cdf(z), 1e-12 * expected);
    }

    @Test
    @DisplayName("density at 0, 1 and -7.5")
    void densityMatchesHighPrecisionValues() {
        assertEquals(0.3989422804014326779, NormalQuantile.density(0), 1e-16);
        assertEquals(0.2419707245191433498, NormalQuantile.density(1), 1e-16);
        assertEquals(2.4343205330290098259e-13, NormalQuantile.density(-7.5), 1e-27);
    }
}
