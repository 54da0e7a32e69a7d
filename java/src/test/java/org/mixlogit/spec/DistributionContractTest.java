package org.mixlogit.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.math.NormalQuantile;

/**
 * The contract every {@link Distribution}'s {@link CoefficientTransform} keeps, checked for each constant: a new
 * constant is tested here by being added to the enum (and, if its variate is not the node itself, by adding its
 * reference variates below). Draws are checked against independent references in both tails, moments against
 * quadrature of the transform itself, quantiles and densities against the draws, and first and second
 * derivatives against finite differences.
 */
class DistributionContractTest {
    private static final double[] Z = {-37, -20, -8, -1, 0, 1, 8, 20, 37};
    /**
     * The standard variate at each of {@link #Z}, from mpmath 1.3.0 at 60 digits (uniform 2 Phi(z) - 1; triangular
     * sqrt(2 Phi(z)) - 1 below 0, 1 - sqrt(2 Phi(-z)) above; truncated normal Phi(-z); exponential -log Phi(-z),
     * by log1p for z &lt; 0), rounded to the nearest double.
     */
    private static final Map<Distribution, double[]> REFERENCE_VARIATES = new EnumMap<>(Distribution.class);
    /** (location, scale) pairs: positive and negative locations, and a negative scale. */
    private static final double[][] PARAMETERS = {{0.4, 1.5}, {-1.0, 0.7}, {0.3, -0.8}};

    static {
        REFERENCE_VARIATES.put(Distribution.UNIFORM, new double[] {-1.0, -1.0, -0.9999999999999988,
            -0.6826894921370859, 0.0, 0.6826894921370859, 0.9999999999999988, 1.0, 1.0});
        REFERENCE_VARIATES.put(Distribution.TRIANGULAR, new double[] {-1.0, -1.0, -0.9999999647268925,
            -0.43669678869820555, 0.0, 0.43669678869820555, 0.9999999647268925, 1.0, 1.0});
        REFERENCE_VARIATES.put(Distribution.TRUNCATED_NORMAL, new double[] {1.0, 1.0, 0.9999999999999993,
            0.8413447460685429, 0.5, 0.15865525393145705, 6.220960574271784e-16, 2.7536241186062337e-89,
            5.725571222524577e-300});
        REFERENCE_VARIATES.put(Distribution.EXPONENTIAL, new double[] {5.725571222524577e-300,
            2.7536241186062337e-89, 6.220960574271786e-16, 0.17275377902344988, 0.6931471805599453,
            1.8410216450092636, 35.01343715991455, 203.91715537109727, 689.0305855768906});
    }

    /** beta at node z, through the transform as the kernel calls it. */
    private static double beta(CoefficientTransform t, double m, double s, double z) {
        double[][] out = new double[3][1];
        t.apply(m, s, new double[] {t.variate(z)}, 1, out[0], out[1], out[2]);
        return out[0][0];
    }

    /** {beta, d/dm, d/ds} at standard variate e. */
    private static double[] first(CoefficientTransform t, double m, double s, double e) {
        double[][] out = new double[3][1];
        t.apply(m, s, new double[] {e}, 1, out[0], out[1], out[2]);
        return new double[] {out[0][0], out[1][0], out[2][0]};
    }

    /** {d2/dm2, d2/dm ds, d2/ds2} at standard variate e. */
    private static double[] second(CoefficientTransform t, double m, double s, double e) {
        double[] f = first(t, m, s, e);
        double[][] out = new double[3][1];
        t.secondDerivatives(m, s, new double[] {e}, new double[] {f[0]}, 1, out[0], out[1], out[2]);
        return new double[] {out[0][0], out[1][0], out[2][0]};
    }

    /** E f(z) for z ~ N(0, 1), piecewise Gauss-Legendre on [-12, 12] with breakpoints every 0.5 and at a kink. */
    private static double expectation(UnivariateFunction f, double kink) {
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(16, 1e-14, 1e-14);
        UnivariateFunction weighted = z -> f.value(z) * NormalQuantile.density(z);
        double sum = 0;
        for (double a = -12; a < 12; a += 0.5) {
            double b = a + 0.5;
            if (kink > a && kink < b) {
                sum += integrator.integrate(1_000_000, weighted, a, kink)
                        + integrator.integrate(1_000_000, weighted, kink, b);
            } else {
                sum += integrator.integrate(1_000_000, weighted, a, b);
            }
        }
        return sum;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Distribution.class)
    @DisplayName("the code, the label and the constant's name all map back to it; codes are unique")
    void codesRoundTrip(Distribution d) {
        assertEquals(d, Distribution.fromCode(d.code()));
        assertEquals(d, Distribution.fromCode(" " + d.label().toUpperCase(java.util.Locale.ROOT) + " "));
        assertEquals(d, Distribution.fromCode(d.name()));
        assertEquals(d.code(), d.transform().code());
        assertTrue(Distribution.describeCodes().contains(d.code() + " (" + d.label() + ")"));
        Set<String> codes = new HashSet<>();
        for (Distribution other : Distribution.values()) {
            assertTrue(codes.add(other.code()), "code " + other.code() + " twice");
        }
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                () -> Distribution.fromCode("gamma"));
        assertTrue(e.getMessage().contains(d.code() + " (" + d.label() + ")"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Distribution.class)
    @DisplayName("the standard variate equals 60-digit references from z = -37 to 37 and is monotone")
    void variateAccurateInBothTails(Distribution d) {
        CoefficientTransform t = d.transform();
        assumeTrue(t.isRandom());
        double[] reference = t.variateIsNode() ? Z : REFERENCE_VARIATES.get(d);
        assertNotNull(reference, "give reference variates of " + d + " at z = " + java.util.Arrays.toString(Z));
        for (int i = 0; i < Z.length; i++) {
            double v = t.variate(Z[i]);
            // beyond |z| = 8 the relative accuracy is that of Commons Math's erfc, about 1e-13 at z = 37
            double relative = Math.abs(Z[i]) <= 8 ? 1e-14 : 2e-13;
            assertEquals(reference[i], v, relative * Math.abs(reference[i]), d + " at z = " + Z[i]);
        }
        double direction = Math.signum(t.variate(1) - t.variate(-1));
        double previous = t.variate(-38.4);
        for (double z = -38.4; z <= 38.4; z += 0.01) {
            double v = t.variate(z);
            assertTrue(direction * (v - previous) >= 0 && !Double.isNaN(v), d + " not monotone or NaN at z = " + z);
            previous = v;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Distribution.class)
    @DisplayName("mean and standard deviation equal quadrature of the draws over the normal node")
    void momentsEqualQuadrature(Distribution d) {
        CoefficientTransform t = d.transform();
        for (double[] ms : PARAMETERS) {
            double m = ms[0];
            double s = ms[1];
            double kink = -m / s;
            double mean = expectation(z -> beta(t, m, s, z), kink);
            double second = expectation(z -> {
                double b = beta(t, m, s, z);
                return b * b;
            }, kink);
            String at = d + "(" + m + ", " + s + ")";
            assertEquals(mean, t.mean(m, s), 1e-9 * Math.max(1, Math.abs(mean)), "mean of " + at);
            double sd = Math.sqrt(Math.max(0, second - mean * mean));
            assertEquals(sd, t.standardDeviation(m, s), 1e-7 * Math.max(1, sd), "sd of " + at);
            assertEquals(t.quantile(0.5, m, s), t.median(m, s), 1e-12 * Math.max(1, Math.abs(t.median(m, s))),
                    "median of " + at);
            assertEquals(t.mean(m, s), d.mean(m, s), 0.0);
            assertEquals(t.median(m, s), d.median(m, s), 0.0);
            assertEquals(t.standardDeviation(m, s), d.standardDeviation(m, s), 0.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Distribution.class)
    @DisplayName("quantile(Phi(z)) is the draw at z, and density times d beta/dz is phi(z)")
    void quantileAndDensityMatchTheDraws(Distribution d) {
        CoefficientTransform t = d.transform();
        for (double[] ms : PARAMETERS) {
            double m = ms[0];
            double s = ms[1];
            boolean increasing = beta(t, m, s, 1) >= beta(t, m, s, -1);
            for (double z = -6; z <= 6; z += 0.25) {
                String at = d + "(" + m + ", " + s + ") at z = " + z;
                double y = increasing ? z : -z;
                double expected = beta(t, m, s, y);
                double p = NormalQuantile.cdf(z);
                double h = 1e-6;
                double slope = Math.abs(beta(t, m, s, y + h) - beta(t, m, s, y - h)) / (2 * h);
                // p = Phi(z) carries a rounding error of 1.1e-16 p, which moves the quantile by that over phi(z)
                double conditioning = slope * 1.2e-16 * p / NormalQuantile.density(z);
                assertEquals(expected, t.quantile(p, m, s), 1e-10 * Math.max(1, Math.abs(expected)) + conditioning,
                        "quantile " + at);
                if (t.isRandom() && slope > 1e-6 && beta(t, m, s, y - h) != beta(t, m, s, y)) {
                    double b = expected;
                    // the finite difference's rounding error, 1e-16 |beta| / h, relative to the slope
                    double relative = 2e-6 + 1e-15 * Math.max(1, Math.abs(b)) / (h * slope);
                    assertEquals(NormalQuantile.density(z), t.density(b, m, s) * slope,
                            relative * NormalQuantile.density(z), "density " + at);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Distribution.class)
    @DisplayName("d beta/d(m, s) and the second derivatives equal central finite differences")
    void derivativesEqualFiniteDifferences(Distribution d) {
        CoefficientTransform t = d.transform();
        double h = 1e-6;
        for (double[] ms : PARAMETERS) {
            double m = ms[0];
            double s = ms[1];
            for (double z = -2.75; z <= 3; z += 0.5) {
                double e = t.variate(z);
                double u = m + s * z;
                if (Math.abs(u) < 1e-3) {
                    continue;
                }
                String at = d + "(" + m + ", " + s + ") at z = " + z;
                double[] f = first(t, m, s, e);
                double[] fm = first(t, m - h, s, e);
                double[] fp = first(t, m + h, s, e);
                double[] gm = first(t, m, s - h, e);
                double[] gp = first(t, m, s + h, e);
                double tolerance = 1e-7 * Math.max(1, Math.abs(f[0]));
                assertEquals((fp[0] - fm[0]) / (2 * h), f[1], tolerance, "d/dm " + at);
                assertEquals((gp[0] - gm[0]) / (2 * h), f[2], tolerance, "d/ds " + at);
                if (!t.hasSecondDerivatives()) {
                    assertFalse(t.isPiecewiseLinear());
                    assertThrows(UnsupportedOperationException.class, () -> second(t, m, s, e));
                    continue;
                }
                double[] g = second(t, m, s, e);
                assertEquals((fp[1] - fm[1]) / (2 * h), g[0], tolerance, "d2/dm2 " + at);
                assertEquals((gp[1] - gm[1]) / (2 * h), g[1], tolerance, "d2/dm ds " + at);
                assertEquals((fp[2] - fm[2]) / (2 * h), g[1], tolerance, "d2/ds dm " + at);
                assertEquals((gp[2] - gm[2]) / (2 * h), g[2], tolerance, "d2/ds2 " + at);
                if (t.isPiecewiseLinear()) {
                    assertEquals(0.0, Math.abs(g[0]) + Math.abs(g[1]) + Math.abs(g[2]), 0.0, at);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Distribution.class)
    @DisplayName("a block member is a function of its underlying normal: apply(m, s, z) = apply(0, 1, m + s z)")
    void blockMembersAreFunctionsOfTheUnderlyingNormal(Distribution d) {
        CoefficientTransform t = d.transform();
        assumeTrue(t.isRandom());
        if (!t.mayJoinCorrelatedBlock()) {
            InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                    () -> ModelSpec.builder().random("a", Distribution.NORMAL).random("b", d).correlated("a", "b")
                            .build());
            assertTrue(e.getMessage().contains("'b'") && e.getMessage().contains("lognormal"), e.getMessage());
            return;
        }
        assertTrue(t.variateIsNode());
        for (double[] ms : PARAMETERS) {
            for (double z = -3; z <= 3; z += 0.5) {
                double u = ms[0] + ms[1] * z;
                double[] direct = first(t, ms[0], ms[1], z);
                double[] underlying = first(t, 0.0, 1.0, u);
                String at = d + " at u = " + u;
                assertEquals(direct[0], underlying[0], 1e-15 * Math.abs(direct[0]), at);
                assertEquals(direct[1], underlying[1], 1e-15 * Math.abs(direct[1]), at);
                assertEquals(direct[2], underlying[1] * z, 1e-15 * Math.abs(direct[2]), at);
                double[] g = second(t, 0.0, 1.0, u);
                double[] h = second(t, ms[0], ms[1], z);
                assertEquals(h[0], g[0], 1e-15 * Math.abs(g[0]), at);
                assertEquals(h[1], g[0] * z, 1e-14 * Math.abs(h[1]), at);
                assertEquals(h[2], g[0] * z * z, 1e-14 * Math.abs(h[2]), at);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Distribution.class)
    @DisplayName("a scale whose sign is not identified gives the same distribution for s and -s; else it does not")
    void scaleSign(Distribution d) {
        CoefficientTransform t = d.transform();
        assumeTrue(t.isRandom());
        for (double[] ms : PARAMETERS) {
            double m = ms[0];
            double s = ms[1];
            double[] plus = {t.mean(m, s), t.median(m, s), t.standardDeviation(m, s), t.quantile(0.1, m, s),
                t.quantile(0.9, m, s)};
            double[] minus = {t.mean(m, -s), t.median(m, -s), t.standardDeviation(m, -s), t.quantile(0.1, m, -s),
                t.quantile(0.9, m, -s)};
            assertEquals(plus[2], minus[2], 1e-15 * plus[2], "sd depends on |s| only");
            if (t.scaleSignIdentified()) {
                assertNotEquals(plus[0], minus[0], 1e-3, d + ": the sign of s must move the mean");
                assertNotEquals(plus[3], minus[3], 1e-3, d + ": the sign of s must move the 10% quantile");
            } else {
                for (int i = 0; i < plus.length; i++) {
                    assertEquals(plus[i], minus[i], 1e-14 * Math.max(1, Math.abs(plus[i])), d + " quantity " + i);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Distribution.class)
    @DisplayName("a zero-mean component has mean zero at location zero; the others are refused")
    void zeroMean(Distribution d) {
        CoefficientTransform t = d.transform();
        assumeTrue(t.isRandom());
        if (t.mayHaveZeroMean()) {
            assertEquals(0.0, t.mean(0.0, 0.7), 0.0);
            assertEquals(0.0, t.mean(0.0, -0.7), 0.0);
            assertTrue(ModelSpec.builder().zeroMean("a", d).build().coefficients().get(0).hasZeroMean());
        } else {
            InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                    () -> ModelSpec.builder().zeroMean("a", d).build());
            assertTrue(e.getMessage().contains(d.label()), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Distribution.class)
    @DisplayName("the default start reproduces a plain-logit estimate as the coefficient's centre")
    void startFromPlainLogit(Distribution d) {
        CoefficientTransform t = d.transform();
        for (double b : new double[] {-0.8, 0.6}) {
            double s = t.startScale(b, 0.1);
            assertEquals(0.1, Math.abs(s), 0.0);
            double m = t.startLocation(b, s);
            double centre = d == Distribution.LOGNORMAL ? t.median(m, s) : t.mean(m, s);
            if (d == Distribution.LOGNORMAL && b < 0) {
                assertEquals(0.01, centre, 1e-14, "a lognormal cannot start negative");
            } else if (d == Distribution.CENSORED_NORMAL || d == Distribution.TRUNCATED_NORMAL) {
                assertEquals(b, m, 0.0, "the location starts at b");
            } else {
                assertEquals(b, centre, 1e-14, d + " from b = " + b);
            }
        }
    }

    @Test
    @DisplayName("exponential: mean m + s, median m + s ln 2, sd |s|; with s < 0 the tail points down")
    void exponentialClosedForms() {
        CoefficientTransform t = Distribution.EXPONENTIAL.transform();
        assertEquals(-0.2 - 1.5, t.mean(-0.2, -1.5), 1e-15);
        assertEquals(-0.2 - 1.5 * Math.log(2), t.median(-0.2, -1.5), 1e-15);
        assertEquals(1.5, t.standardDeviation(-0.2, -1.5), 0.0);
        assertEquals(-0.2, t.quantile(1e-300, -0.2, 1.5), 1e-15);
        assertEquals(-0.2, t.quantile(1 - 1e-16, -0.2, -1.5), 1e-15);
        assertEquals(-0.2 - 1.5 * 690.7755278982137, t.quantile(1e-300, -0.2, -1.5), 1e-10);
        assertEquals(Math.exp(-1) / 1.5, t.density(-0.2 - 1.5, -0.2, -1.5), 1e-16);
        assertEquals(0.0, t.density(0.1, -0.2, -1.5), 0.0);
        assertTrue(t.scaleSignIdentified());
    }
}
