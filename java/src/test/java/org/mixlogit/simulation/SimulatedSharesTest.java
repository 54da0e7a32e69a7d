package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * The per-situation simulated probabilities used by the method of simulated moments: their analytic Jacobian
 * equals central finite differences for every model feature, they sum to one in every situation, they equal the
 * probabilities the likelihood reports, and they are bit-identical for 1 and 3 threads.
 */
class SimulatedSharesTest {
    private static final IntegrationConfig DRAWS = IntegrationConfig.of(DrawType.HALTON, 25);

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> models() {
        return AnalyticGradientTest.models();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    @DisplayName("Jacobian of the simulated probabilities = central finite differences")
    void jacobianMatchesFiniteDifferences(String name, ModelSpec spec, ChoiceData data) {
        try (SimulatedShares shares = Simulators.shares(data, spec, DRAWS, 2)) {
            int p = shares.parameterCount();
            int rows = data.rowCount();
            double[] theta = testPoint(shares);
            double[] s = new double[rows];
            double[] jac = new double[rows * p];
            shares.evaluate(theta, s, jac);
            double[] plus = new double[rows];
            double[] minus = new double[rows];
            double worst = 0;
            double largest = 0;
            for (int j = 0; j < p; j++) {
                // small enough that the truncation error stays below 1e-9 for lognormal block members, whose
                // third derivatives are large at this test point (the rounding error is about 1e-16 / h)
                double h = 2.5e-6 * Math.max(1.0, Math.abs(theta[j]));
                double[] x = theta.clone();
                x[j] += h;
                shares.evaluate(x, plus, null);
                x[j] = theta[j] - h;
                shares.evaluate(x, minus, null);
                for (int i = 0; i < rows; i++) {
                    double numeric = (plus[i] - minus[i]) / (2 * h);
                    worst = Math.max(worst, Math.abs(jac[i * p + j] - numeric));
                    largest = Math.max(largest, Math.abs(numeric));
                }
            }
            assertTrue(worst < 1e-8, name + ": largest absolute error " + worst);
            assertTrue(largest > 1e-2, "the derivatives must not all vanish: " + largest);
        }
    }

    @Test
    @DisplayName("probabilities sum to one per situation, equal the likelihood's, and ignore the thread count")
    void sharesAreProbabilitiesAndThreadInvariant() {
        ChoiceData data = SyntheticPanel.create(90, 21, true);
        ModelSpec spec = ModelSpec.builder().random("x1", Distribution.NORMAL).random("x2", Distribution.LOGNORMAL)
                .random("x3", Distribution.NORMAL).correlated("x1", "x3").heterogeneity("x1", "income").build();
        int rows = data.rowCount();
        double[] one = new double[rows];
        double[] oneJac;
        double[] three = new double[rows];
        double[] threeJac;
        double[] theta;
        try (SimulatedShares a = Simulators.shares(data, spec, DRAWS, 1);
                SimulatedShares b = Simulators.shares(data, spec, DRAWS, 3);
                SimulatedLogLikelihood ll = Simulators.likelihood(data, spec, DRAWS, 1)) {
            theta = testPoint(a);
            oneJac = new double[rows * a.parameterCount()];
            threeJac = new double[rows * a.parameterCount()];
            a.evaluate(theta, one, oneJac);
            b.evaluate(theta, three, threeJac);
            assertArrayEquals(ll.probabilities(theta), one, 1e-14);
        }
        assertArrayEquals(one, three, 0.0);
        assertArrayEquals(oneJac, threeJac, 0.0);
        int[] start = data.situationStartRef();
        for (int t = 0; t < data.situationCount(); t++) {
            double sum = 0;
            for (int i = start[t]; i < start[t + 1]; i++) {
                sum += one[i];
            }
            assertEquals(1.0, sum, 1e-12, "situation " + t);
        }
    }

    private static double[] testPoint(SimulatedShares s) {
        double[] theta = new double[s.parameterCount()];
        for (int j = 0; j < theta.length; j++) {
            String name = s.layout().names().get(j);
            double base = name.startsWith("sd.") || name.startsWith("spread.") ? 0.7
                    : name.startsWith("chol.") ? 0.4 : 0.3;
            theta[j] = base * (1 + 0.37 * j) * (j % 3 == 2 ? -1 : 1);
        }
        return theta;
    }
}
