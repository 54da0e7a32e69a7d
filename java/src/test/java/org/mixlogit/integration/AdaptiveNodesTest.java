package org.mixlogit.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixlogit.InvalidSpecificationException;

/**
 * The change of variables of the adaptive rules on integrands with known integrals: a Gaussian posterior
 * f(b) phi(b) proportional to the N(c, L L') density, times polynomials. The adaptive rule centred at c with factor
 * L is then exact: f phi / q is the polynomial, so the sparse grid of level k integrates every polynomial of total
 * degree up to 2k - 1 exactly, and normal importance sampling has constant weights x f (exact for the constant
 * polynomial with any number of draws).
 */
class AdaptiveNodesTest {
    private static final double[] CENTRE = {1.7, -2.4};
    /** L = [[0.3, 0], [0.12, 0.05]]: a narrow, correlated posterior far from the prior's mode. */
    private static final double[] CHOLESKY = {0.3, 0.0, 0.12, 0.05};
    private static final double DET = 0.3 * 0.05;

    /** f(b) = exp(-(b - c)' (L L')^-1 (b - c) / 2 + |b|^2 / 2): f phi is |L| times the N(c, LL') density / (2 pi). */
    private static double gaussianPosterior(double[] b, int at) {
        double y0 = (b[at] - CENTRE[0]) / CHOLESKY[0];
        double y1 = (b[at + 1] - CENTRE[1] - CHOLESKY[2] * y0) / CHOLESKY[3];
        return Math.exp(-0.5 * (y0 * y0 + y1 * y1) + 0.5 * (b[at] * b[at] + b[at + 1] * b[at + 1]));
    }

    /** sum_r w_r f(b_r) poly(b_r) for the decision-maker of ordinal 3. */
    private static double integrate(AdaptiveNodes rule, int px, int py) {
        int r = rule.nodeCount();
        double[] nodes = new double[r * 2];
        double[] weights = new double[r];
        rule.newMapper().map(3, CENTRE, CHOLESKY, nodes, 0, weights, 0);
        double sum = 0;
        for (int q = 0; q < r; q++) {
            sum += weights[q] * gaussianPosterior(nodes, 2 * q) * Math.pow(nodes[2 * q], px)
                    * Math.pow(nodes[2 * q + 1], py);
        }
        return sum;
    }

    /** |L| E[b_1^px b_2^py] under N(c, L L'), by the 1-D moments of the two independent standard normals. */
    private static double exact(int px, int py) {
        // b1 = c1 + l11 y0, b2 = c2 + l21 y0 + l22 y1: expand with 64-point Gauss-Hermite (exact to degree 127)
        double[][] h = QuadratureRule.hermite(64);
        double sum = 0;
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 64; j++) {
                double b1 = CENTRE[0] + CHOLESKY[0] * h[0][i];
                double b2 = CENTRE[1] + CHOLESKY[2] * h[0][i] + CHOLESKY[3] * h[0][j];
                sum += h[1][i] * h[1][j] * Math.pow(b1, px) * Math.pow(b2, py);
            }
        }
        return DET * sum;
    }

    @ParameterizedTest(name = "level {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    @DisplayName("adaptive sparse grid: exact for a Gaussian posterior times any polynomial of degree 2 level - 1")
    void sparseGridIsExactOnGaussianPosteriors(int level) {
        AdaptiveNodes rule = new AdaptiveNodes(IntegrationConfig.of(DrawType.ADAPTIVE_SPARSE, level), 2);
        int degree = 2 * level - 1;
        for (int px = 0; px <= degree; px++) {
            for (int py = 0; px + py <= degree; py++) {
                double want = exact(px, py);
                assertEquals(want, integrate(rule, px, py), 1e-11 * Math.max(DET, Math.abs(want)),
                        "b1^" + px + " b2^" + py);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"adaptive-halton", "adaptive-sobol", "agh"})
    @DisplayName("normal proposal: weight x integrand is constant on a Gaussian posterior, so the integral is exact")
    void normalImportanceSamplingIsExactOnGaussianPosteriors(String code) {
        AdaptiveNodes rule = new AdaptiveNodes(IntegrationConfig.of(DrawType.fromCode(code), 7)
                .withProposalDegrees(0), 2);
        assertEquals(DET, integrate(rule, 0, 0), 1e-14);
    }

    @Test
    @DisplayName("Student t proposal: unbiased, not exact; converges to the Gaussian integral and its moments")
    void studentProposalConverges() {
        double previous = Double.NaN;
        for (int draws : new int[] {1000, 16000}) {
            AdaptiveNodes rule = new AdaptiveNodes(IntegrationConfig.of(DrawType.ADAPTIVE_SOBOL, draws)
                    .withProposalDegrees(6), 2);
            double error = Math.abs(integrate(rule, 0, 0) / DET - 1);
            assertTrue(error < (draws == 1000 ? 2e-2 : 3e-3), draws + " draws: relative error " + error);
            assertTrue(!(error > previous), "error grows with the draws");
            previous = error;
            assertEquals(exact(1, 1) / DET, integrate(rule, 1, 1) / DET, draws == 1000 ? 0.2 : 0.03);
        }
    }

    @Test
    @DisplayName("weights: |L| phi(b) / phi(u) per node for the normal proposal; the default is Student t(8)")
    void weightsAndBaseDimensions() {
        IntegrationConfig config = IntegrationConfig.of(DrawType.ADAPTIVE_HALTON, 5).withProposalDegrees(0);
        AdaptiveNodes rule = new AdaptiveNodes(config, 2);
        double[] nodes = new double[10];
        double[] weights = new double[5];
        rule.newMapper().map(0, CENTRE, CHOLESKY, nodes, 0, weights, 0);
        double[] u = new double[10];
        double[] w = new double[5];
        new HaltonDraws(IntegrationConfig.of(DrawType.HALTON, 5), 2).newCursor().fill(0, u, w);
        for (int q = 0; q < 5; q++) {
            double b0 = CENTRE[0] + CHOLESKY[0] * u[2 * q];
            double b1 = CENTRE[1] + CHOLESKY[2] * u[2 * q] + CHOLESKY[3] * u[2 * q + 1];
            assertEquals(b0, nodes[2 * q], 1e-15);
            assertEquals(b1, nodes[2 * q + 1], 1e-15);
            double want = 0.2 * DET * Math.exp(-0.5 * (b0 * b0 + b1 * b1)
                    + 0.5 * (u[2 * q] * u[2 * q] + u[2 * q + 1] * u[2 * q + 1]));
            assertEquals(want, weights[q], 1e-14 * want);
        }
        assertTrue(rule.describe().startsWith("adaptive-halton (normal proposal at each posterior mode): halton, 5"
                + " draws"), rule.describe());
        assertTrue(new AdaptiveNodes(config.withProposalDegrees(4), 2).describe().contains("Student t(4)"));
        assertTrue(new AdaptiveNodes(IntegrationConfig.of(DrawType.ADAPTIVE_SOBOL, 5), 2).describe()
                .contains("Student t(8)"));
        assertThrows(InvalidSpecificationException.class, () -> config.withProposalDegrees(3));
        assertThrows(IllegalArgumentException.class,
                () -> new AdaptiveNodes(IntegrationConfig.of(DrawType.HALTON, 5), 2));
    }
}
