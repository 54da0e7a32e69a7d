package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/** A chosen probability below the double range (utility gap 800) keeps the analytic Hessian finite and exact. */
class HessianUnderflowTest {
    @Test
    @DisplayName("chosen probability e^-800: finite log-likelihood and a Hessian equal to differences of the gradient")
    void underflowingChosenProbability() {
        long[] situation = {1, 1, 2, 2, 3, 3};
        long[] person = {1, 1, 1, 1, 2, 2};
        double[] chosen = {1, 0, 0, 1, 1, 0};
        double[] x = {0, 800, 0.3, 0.1, 0.2, 0.9};
        double[] z = {0.5, -0.4, 1.2, 0.1, -0.7, 0.3};
        ChoiceData data = ChoiceData.builder().situations(situation).decisionMakers(person).chosen(chosen)
                .attribute("x", x).attribute("z", z).build();
        ModelSpec spec = ModelSpec.builder().fixed("x").random("z", Distribution.NORMAL).build();
        double[] theta = {1.0, 0.4, 0.8};
        try (SimulatedLogLikelihood ll = Simulators.likelihood(data, spec,
                IntegrationConfig.of(DrawType.HALTON, 20), 1)) {
            assertTrue(Double.isFinite(ll.value(theta)));
            double[] h = ll.hessian(theta);
            double[] plus = new double[3];
            double[] minus = new double[3];
            for (int j = 0; j < 3; j++) {
                double step = 1e-5;
                double[] t = theta.clone();
                t[j] += step;
                ll.valueAndGradient(t, plus);
                t[j] -= 2 * step;
                ll.valueAndGradient(t, minus);
                for (int i = 0; i < 3; i++) {
                    double numeric = (plus[i] - minus[i]) / (2 * step);
                    assertEquals(numeric, h[i * 3 + j], 1e-5 * Math.max(1, Math.abs(numeric)), i + " x " + j);
                }
            }
        }
    }
}
