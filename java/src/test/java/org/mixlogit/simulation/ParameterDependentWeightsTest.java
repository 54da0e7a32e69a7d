package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.integration.IntegrationRule;
import org.mixlogit.integration.IntegrationRules;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * The simulator's seam for mixing supports whose weights depend on the parameters (latent classes are one): a
 * support whose point weights are a softmax tilted by a parameter, w_r = exp(lambda z_r) / sum_s exp(lambda z_s)
 * with lambda = theta_0 / 2, gives a log-likelihood whose analytic gradient (the kernels' chain rule plus the
 * weights' term sum_r posterior_r d log w_r / d theta) equals finite differences, and whose unconditional
 * probabilities are the weighted sums. The Hessian falls back to finite differences (null), and willingness to
 * pay, which needs equal weights, refuses.
 */
class ParameterDependentWeightsTest {
    private static final ModelSpec SPEC = ModelSpec.builder().random("x1", Distribution.NORMAL).fixed("x2")
            .random("x3", Distribution.LOGNORMAL).build();
    private static final ChoiceData DATA = SyntheticPanel.create(60, 11L, true);
    private static final IntegrationConfig DRAWS = IntegrationConfig.of(DrawType.HALTON, 30);

    /** Draws whose weights are tilted by lambda = theta_0 / 2 along the first dimension's node. */
    private static final class TiltedSupport implements MixingSupport {
        private final DrawSupport draws;
        private final double[] weights;
        private final int r;
        private double[] tilt;

        TiltedSupport(DrawSupport draws) {
            this.draws = draws;
            this.r = draws.points();
            this.weights = new double[r];
        }

        @Override
        public int points() {
            return r;
        }

        @Override
        public void prepare(int n, double[] theta) {
            draws.prepare(n, theta);
            double lambda = 0.5 * theta[0];
            double[] v = draws.variatesRef();
            int vo = draws.variateOffset();
            tilt = new double[r];
            double max = Double.NEGATIVE_INFINITY;
            for (int q = 0; q < r; q++) {
                tilt[q] = v[vo + q * SPEC.randomDimension()];
                max = Math.max(max, lambda * tilt[q]);
            }
            double sum = 0;
            for (int q = 0; q < r; q++) {
                weights[q] = Math.exp(lambda * tilt[q] - max);
                sum += weights[q];
            }
            for (int q = 0; q < r; q++) {
                weights[q] /= sum;
            }
        }

        @Override
        public double[][] betaRef() {
            return draws.betaRef();
        }

        @Override
        public double[] weightsRef() {
            return weights;
        }

        @Override
        public int weightOffset() {
            return 0;
        }

        @Override
        public boolean weightsDependOnParameters() {
            return true;
        }

        @Override
        public void toParameters(int n, double[][] g, double[] c, double[] out, int at) {
            draws.toParameters(n, g, null, out, at);
            // d log w_r / d theta_0 = (z_r - sum_s w_s z_s) / 2
            double mean = 0;
            for (int q = 0; q < r; q++) {
                mean += weights[q] * tilt[q];
            }
            double add = 0;
            for (int q = 0; q < r; q++) {
                add += c[q] * 0.5 * (tilt[q] - mean);
            }
            out[at] += add;
        }
    }

    private static java.util.function.Function<ModelDesign, SupportFactory> tiltedSupports() {
        IntegrationRule rule = IntegrationRules.create(DRAWS, SPEC.randomDimension());
        return design -> {
            VariateStore store = VariateStore.onDemand(rule, design.data, design.dimensionDistribution);
            return new SupportFactory() {
                @Override
                public int points() {
                    return rule.nodeCount();
                }

                @Override
                public MixingSupport newSupport() {
                    return new TiltedSupport(new DrawSupport(design, store, false));
                }

                @Override
                public DrawSupport newSecondOrderSupport() {
                    return null;
                }

                @Override
                public String describe() {
                    return "tilted " + rule.describe();
                }
            };
        };
    }

    private static SimulatedLogLikelihood tilted(int threads) {
        return new SimulatedLogLikelihood(DATA, SPEC, tiltedSupports(), threads);
    }

    private static final double[] THETA = {0.6, -0.4, 0.3, -0.2, 0.5};

    @Test
    @DisplayName("the gradient with parameter-dependent weights equals central finite differences")
    void gradient() {
        try (SimulatedLogLikelihood ll = tilted(2)) {
            assertEquals(THETA.length, ll.parameterCount());
            double[] g = new double[THETA.length];
            double value = ll.valueAndGradient(THETA, g);
            assertTrue(Double.isFinite(value));
            for (int j = 0; j < THETA.length; j++) {
                double h = 1e-5;
                double[] plus = THETA.clone();
                double[] minus = THETA.clone();
                plus[j] += h;
                minus[j] -= h;
                double fd = (ll.value(plus) - ll.value(minus)) / (2 * h);
                assertEquals(fd, g[j], 1e-6 * Math.max(1, Math.abs(fd)), "parameter " + j);
            }
            // the weights' term matters: without it the first derivative would differ
            try (SimulatedLogLikelihood plain = Simulators.likelihood(DATA, SPEC, DRAWS, 2)) {
                double[] g0 = new double[THETA.length];
                plain.valueAndGradient(THETA, g0);
                assertTrue(Math.abs(g0[0] - g[0]) > 1e-3, g0[0] + " vs " + g[0]);
            }
            assertNull(ll.hessian(THETA));
            assertTrue(ll.integrationDescription().startsWith("tilted"));
        }
    }

    @Test
    @DisplayName("probabilities are the tilted weighted sums, one per row summing to one per situation; WTP refuses")
    void probabilities() {
        try (SimulatedLogLikelihood one = tilted(1); SimulatedLogLikelihood two = tilted(3)) {
            double[] p = one.probabilities(THETA);
            double[] q = two.probabilities(THETA);
            assertEquals(java.util.Arrays.toString(p), java.util.Arrays.toString(q));
            int[] start = DATA.situationStartRef();
            for (int s = 0; s < DATA.situationCount(); s++) {
                double total = 0;
                for (int i = start[s]; i < start[s + 1]; i++) {
                    total += p[i];
                }
                assertEquals(1.0, total, 1e-12);
            }
            assertEquals(one.value(THETA), two.value(THETA), 0.0);
            assertThrows(InvalidSpecificationException.class, () -> one.willingnessToPay(THETA, "x1", "x2"));
        }
    }

    @Test
    @DisplayName("the shares' Jacobian with parameter-dependent weights equals central finite differences")
    void sharesJacobian() {
        try (SimulatedShares shares = new SimulatedShares(DATA, SPEC, tiltedSupports(), 2)) {
            int rows = DATA.rowCount();
            int p = THETA.length;
            double[] s = new double[rows];
            double[] jacobian = new double[rows * p];
            shares.evaluate(THETA, s, jacobian);
            double[] up = new double[rows];
            double[] down = new double[rows];
            for (int j = 0; j < p; j++) {
                double h = 1e-5;
                double[] plus = THETA.clone();
                double[] minus = THETA.clone();
                plus[j] += h;
                minus[j] -= h;
                shares.evaluate(plus, up, null);
                shares.evaluate(minus, down, null);
                for (int i = 0; i < rows; i += 7) {
                    double fd = (up[i] - down[i]) / (2 * h);
                    assertEquals(fd, jacobian[i * p + j], 1e-7, "row " + i + ", parameter " + j);
                }
            }
        }
    }
}
