package org.mixlogit.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The documented moments of each distribution equal numerical integrals of beta(z) against the standard normal
 * density (every distribution is a function of a normal variate z, with p = Phi(z)).
 */
class DistributionMomentsTest {
    private static final NormalDistribution N01 = new NormalDistribution(null, 0, 1);

    private static double beta(Distribution d, double m, double s, double z) {
        double p = N01.cumulativeProbability(z);
        switch (d) {
            case NORMAL:
                return m + s * z;
            case LOGNORMAL:
                return Math.exp(m + s * z);
            case UNIFORM:
                return m + s * (2 * p - 1);
            case TRIANGULAR:
                return m + s * (p < 0.5 ? Math.sqrt(2 * p) - 1 : 1 - Math.sqrt(2 * (1 - p)));
            case CENSORED_NORMAL:
                return Math.max(0, m + s * z);
            default:
                return m;
        }
    }

    /** E f(z) for z ~ N(0,1), integrated piecewise with the kink of beta(z) (if any) as a breakpoint. */
    private static double expectation(UnivariateFunction f, double kink) {
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-13);
        UnivariateFunction weighted = z -> f.value(z) * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        double[] points = new double[14];
        for (int i = 0; i < 13; i++) {
            points[i] = -9 + 1.5 * i;
        }
        points[13] = Math.max(-9, Math.min(9, kink));
        Arrays.sort(points);
        double sum = 0;
        for (int i = 0; i + 1 < points.length; i++) {
            if (points[i + 1] > points[i]) {
                sum += integrator.integrate(1_000_000, weighted, points[i], points[i + 1]);
            }
        }
        return sum;
    }

    /** Truncated normal moments against integrals of the truncated density on (0, m + 12|s|). */
    private static void checkTruncated(double m, double s) {
        double a = Math.abs(s);
        double mass = N01.cumulativeProbability(m / a);
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-13);
        double[] moments = new double[3];
        for (int power = 0; power < 3; power++) {
            final int k = power;
            UnivariateFunction f = x -> Math.pow(x, k) * N01.density((x - m) / a) / (a * mass);
            moments[k] = integrator.integrate(1_000_000, f, 0, m + 12 * a);
        }
        assertEquals(1.0, moments[0], 1e-9);
        assertEquals(moments[1], Distribution.TRUNCATED_NORMAL.mean(m, s), 1e-8);
        double sd = Math.sqrt(moments[2] - moments[1] * moments[1]);
        assertEquals(sd, Distribution.TRUNCATED_NORMAL.standardDeviation(m, s), 1e-7);
        double median = Distribution.TRUNCATED_NORMAL.median(m, s);
        double below = integrator.integrate(1_000_000, x -> N01.density((x - m) / a) / (a * mass), 0, median);
        assertEquals(0.5, below, 1e-9);
    }

    @ParameterizedTest(name = "{0}(m={1}, s={2})")
    @CsvSource({"NORMAL,0.5,1.2", "LOGNORMAL,-0.3,0.6", "UNIFORM,1.0,-2.0", "TRIANGULAR,-1.0,0.8",
        "CENSORED_NORMAL,0.4,1.5", "CENSORED_NORMAL,-1.0,0.7", "TRUNCATED_NORMAL,0.4,1.5",
        "TRUNCATED_NORMAL,-1.0,0.7"})
    void momentsMatchIntegrals(Distribution d, double m, double s) {
        if (d == Distribution.TRUNCATED_NORMAL) {
            checkTruncated(m, s);
            return;
        }
        double kink = -m / s;
        double mean = expectation(z -> beta(d, m, s, z), kink);
        double second = expectation(z -> {
            double b = beta(d, m, s, z);
            return b * b;
        }, kink);
        assertEquals(mean, d.mean(m, s), 1e-8);
        assertEquals(Math.sqrt(second - mean * mean), d.standardDeviation(m, s), 1e-7);
        // every beta(z) is monotone in z, so the median is beta at z = 0
        assertEquals(beta(d, m, s, 0), d.median(m, s), 1e-12);
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("truncated normal far below zero (m / s = -40, -30.5, -20, -8.5): moments equal quadrature")
    void truncatedFarLeft() {
        for (double c : new double[] {-40.0, -30.5, -20.0, -8.5}) {
            double s = 0.25;
            double m = c * s;
            // beta = s y with density proportional to exp(c y - y^2 / 2) on y > 0 (z = -c + y)
            int n = 200000;
            double upper = 50.0 / -c;
            double h = upper / n;
            double w0 = 0;
            double w1 = 0;
            double w2 = 0;
            double[] cumulative = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                double y = i * h;
                double f = Math.exp(c * y - 0.5 * y * y) * (i == 0 || i == n ? 0.5 : 1.0);
                w0 += f;
                w1 += f * y;
                w2 += f * y * y;
                cumulative[i] = w0;
            }
            double mean = w1 / w0;
            double sd = Math.sqrt(w2 / w0 - mean * mean);
            int k = 0;
            while (cumulative[k] < 0.5 * w0) {
                k++;
            }
            double median = k * h;
            assertEquals(s * mean, Distribution.TRUNCATED_NORMAL.mean(m, s), 1e-6 * s * mean);
            assertEquals(s * sd, Distribution.TRUNCATED_NORMAL.standardDeviation(m, s), 1e-5 * s * sd);
            assertEquals(s * median, Distribution.TRUNCATED_NORMAL.median(m, s), 2 * s * h);
        }
    }
}
