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

/**
 * A truncated normal coefficient whose location is far below zero relative to its scale (Phi(mu / sd) underflows,
 * e.g. a negative plain-logit start with scale 0.1): finite values, an exact gradient, and no jump where the
 * computation switches to logarithms.
 */
class TruncatedFarTailTest {
    private static final ChoiceData DATA = SyntheticPanel.create(60, 21, true);
    private static final ModelSpec SPEC = ModelSpec.builder().random("x1", Distribution.TRUNCATED_NORMAL)
            .fixed("x2").build();

    @Test
    @DisplayName("mu / sd = -40: finite log-likelihood and gradient equal to finite differences")
    void finiteWithExactGradient() {
        try (SimulatedLogLikelihood ll = Simulators.likelihood(DATA, SPEC, IntegrationConfig.of(DrawType.HALTON,
                50), 2)) {
            double[] theta = {-8.0, 0.2, 0.4};
            double[] g = new double[3];
            double value = ll.valueAndGradient(theta, g);
            assertTrue(Double.isFinite(value), "log-likelihood " + value);
            for (int j = 0; j < 3; j++) {
                double h = 1e-6 * Math.max(1, Math.abs(theta[j]));
                double[] plus = theta.clone();
                double[] minus = theta.clone();
                plus[j] += h;
                minus[j] -= h;
                double numeric = (ll.value(plus) - ll.value(minus)) / (2 * h);
                assertEquals(numeric, g[j], 1e-6 * Math.max(1, Math.abs(numeric)), "parameter " + j);
            }
        }
    }

    @Test
    @DisplayName("the log-likelihood is continuous across mu / sd = -30, where the computation changes")
    void continuousAtTheSwitch() {
        try (SimulatedLogLikelihood ll = Simulators.likelihood(DATA, SPEC, IntegrationConfig.of(DrawType.HALTON,
                50), 1)) {
            double sd = 0.2;
            double h = 1e-7;
            double below = ll.value(new double[] {-30 * sd - h, sd, 0.4});
            double above = ll.value(new double[] {-30 * sd + h, sd, 0.4});
            double[] g = new double[3];
            ll.valueAndGradient(new double[] {-30 * sd + 3 * h, sd, 0.4}, g);
            assertEquals(2 * h * g[0], above - below, 1e-9, "a jump at the switch");
        }
    }
}
