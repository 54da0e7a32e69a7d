package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.integration.IntegrationRules;
import org.mixlogit.integration.NodeCursor;
import org.mixlogit.spec.ModelSpec;

/**
 * The general kernel (continuous attributes: fast exponentials, utilities shifted by the chosen alternative's,
 * likelihoods kept as scaled products) against a plain computation with Math.exp and logarithms of every chosen
 * probability, on issue 18's synthetic panel; and its results across thread counts and shards.
 */
class GeneralLogitKernelTest {
    private static final ChoiceData PANEL = org.mixlogit.bench.SyntheticPanel.generate(40).data();
    private static final ModelSpec SPEC = org.mixlogit.bench.SyntheticPanel.spec();
    private static final double[] TRUTH = {1, -1, 0.5, -0.5, 0.8, 0.5, 0.8, 0.4, 0.6, 0.3};
    private static final IntegrationConfig HALTON = IntegrationConfig.of(DrawType.HALTON, 40);

    @ParameterizedTest(name = "coefficients x {0}")
    @ValueSource(doubles = {1.0, 0.01, 8.0, 25.0, 60.0})
    @DisplayName("value within 1e-12 relative of the plain computation, also where chosen probabilities fall below"
            + " 1e-16 or arguments of exponentials may pass 680 (x 8, x 25, x 60: those draws are recomputed exactly)")
    void matchesPlainComputation(double factor) {
        double[] theta = TRUTH.clone();
        for (int i = 0; i < theta.length; i++) {
            theta[i] *= factor;
        }
        try (SimulatedLogLikelihood ll = Simulators.likelihood(PANEL, SPEC, HALTON, 1)) {
            double kernel = ll.value(theta);
            double plain = plain(theta);
            assertTrue(Double.isFinite(kernel), "kernel " + kernel);
            assertEquals(plain, kernel, 1e-12 * Math.abs(plain));
        }
    }

    @Test
    @DisplayName("gradient = central differences of the value, at the truth and where draws fall back to the exact path")
    void gradient() {
        for (double factor : new double[] {1.0, 20.0}) {
            double[] theta = TRUTH.clone();
            for (int i = 0; i < theta.length; i++) {
                theta[i] *= factor;
            }
            try (SimulatedLogLikelihood ll = Simulators.likelihood(PANEL, SPEC, HALTON, 1)) {
                double[] g = new double[theta.length];
                ll.valueAndGradient(theta, g);
                for (int i = 0; i < theta.length; i++) {
                    double h = 1e-5 * Math.max(1, Math.abs(theta[i]));
                    double[] up = theta.clone();
                    double[] down = theta.clone();
                    up[i] += h;
                    down[i] -= h;
                    double fd = (ll.value(up) - ll.value(down)) / (2 * h);
                    assertEquals(fd, g[i], 1e-6 * Math.max(1, Math.abs(fd)), "parameter " + i + ", x " + factor);
                }
            }
        }
    }

    @Test
    @DisplayName("NaN parameters give a NaN value and gradient, not a number")
    void nan() {
        double[] theta = TRUTH.clone();
        theta[6] = Double.NaN;
        try (SimulatedLogLikelihood ll = Simulators.likelihood(PANEL, SPEC, HALTON, 1)) {
            double[] g = new double[theta.length];
            assertTrue(Double.isNaN(ll.valueAndGradient(theta, g)));
            assertTrue(Double.isNaN(g[0]));
        }
    }

    @Test
    @DisplayName("value and gradient bit-identical on 1 and 3 threads and on 3 shards")
    void invariance() {
        double[] theta = TRUTH.clone();
        theta[2] = 4.0;
        double[] g1 = new double[theta.length];
        double[] g3 = new double[theta.length];
        double[] gs = new double[theta.length];
        double v1;
        double v3;
        double vs;
        try (LikelihoodEvaluator ll = Backend.local(1).likelihood(PANEL, SPEC, HALTON, null)) {
            v1 = ll.valueAndGradient(theta, g1);
        }
        try (LikelihoodEvaluator ll = Backend.local(3).likelihood(PANEL, SPEC, HALTON, null)) {
            v3 = ll.valueAndGradient(theta, g3);
        }
        try (LikelihoodEvaluator ll = Backend.sharded(3, 2).likelihood(PANEL, SPEC, HALTON, null)) {
            vs = ll.valueAndGradient(theta, gs);
        }
        assertEquals(Double.doubleToLongBits(v1), Double.doubleToLongBits(v3));
        assertEquals(Double.doubleToLongBits(v1), Double.doubleToLongBits(vs));
        assertArrayEquals(g1, g3, 0.0);
        assertArrayEquals(g1, gs, 0.0);
    }

    /** sum_n log(1/R sum_r prod_t P_nt(beta_nr)) with Math.exp, max-shifted utilities and logs throughout. */
    private static double plain(double[] theta) {
        int k = 5;
        int r = HALTON.draws();
        NodeCursor cursor = IntegrationRules.create(HALTON, k).newCursor();
        double[] nodes = new double[r * k];
        double[] weights = new double[r];
        int[] column = new int[k];
        for (int i = 0; i < k; i++) {
            column[i] = PANEL.attributeIndex("x" + (i + 1));
        }
        double total = 0;
        for (int n = 0; n < PANEL.decisionMakerCount(); n++) {
            cursor.fill(n, nodes, weights);
            double[] logL = new double[r];
            for (int q = 0; q < r; q++) {
                double[] beta = new double[k];
                for (int i = 0; i < k; i++) {
                    beta[i] = theta[i] + theta[k + i] * nodes[q * k + i];
                }
                for (int s = PANEL.decisionMakerStartRef()[n]; s < PANEL.decisionMakerStartRef()[n + 1]; s++) {
                    int first = PANEL.situationStartRef()[s];
                    int end = PANEL.situationStartRef()[s + 1];
                    double[] u = new double[end - first];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int row = first; row < end; row++) {
                        for (int i = 0; i < k; i++) {
                            u[row - first] += beta[i] * PANEL.attribute(row, column[i]);
                        }
                        max = Math.max(max, u[row - first]);
                    }
                    double sum = 0;
                    for (double v : u) {
                        sum += Math.exp(v - max);
                    }
                    logL[q] += u[PANEL.chosenRowRef()[s] - first] - max - Math.log(sum);
                }
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double v : logL) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int q = 0; q < r; q++) {
                sum += weights[q] * Math.exp(logL[q] - max);
            }
            total += max + Math.log(sum);
        }
        return total;
    }
}
