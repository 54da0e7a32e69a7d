package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.testdata.SharpPanel;

/**
 * Adaptive Gauss-Hermite on a panel with sharp posteriors (30 choices per person, a coefficient with sd 2.5):
 * a few nodes centred at each person's mode reach the integral where plain Gauss-Hermite is far off.
 */
class AdaptiveQuadratureTest {
    private static final ModelSpec SPEC = ModelSpec.builder().random("x", Distribution.NORMAL).fixed("z").build();
    private static final double[] THETA = {1.0, 0.5, 2.5};

    static ChoiceData panel(int people) {
        return SharpPanel.create(people, 30, 1.0, 2.5, 3);
    }

    private static double adaptive(ChoiceData data, int points) {
        try (SimulatedLogLikelihood ll = Simulators.likelihood(data, SPEC,
                AdaptiveQuadrature.rule(data, SPEC, THETA, points), 1L << 30, 2)) {
            return ll.value(THETA);
        }
    }

    private static double plain(ChoiceData data, int points) {
        try (SimulatedLogLikelihood ll = Simulators.likelihood(data, SPEC,
                IntegrationConfig.of(DrawType.GAUSS_HERMITE, points), 2)) {
            return ll.value(THETA);
        }
    }

    @Test
    @DisplayName("one person: adaptive quadrature with 8 points equals a 200,001-point trapezoid to 1e-3")
    void matchesDirectIntegration() {
        ChoiceData one = panel(1);
        double sum = 0;
        int m = 200_001;
        double lo = -12;
        double h = 24.0 / (m - 1);
        for (int k = 0; k < m; k++) {
            double b = lo + k * h;
            double beta = THETA[0] + THETA[2] * b;
            double logP = 0;
            for (int s = 0; s < one.situationCount(); s++) {
                double den = 0;
                double chosen = 0;
                for (int i = one.situationStartRef()[s]; i < one.situationStartRef()[s + 1]; i++) {
                    double v = beta * one.attribute(i, 0) + THETA[1] * one.attribute(i, 1);
                    den += Math.exp(v);
                    if (i == one.chosenRowRef()[s]) {
                        chosen = v;
                    }
                }
                logP += chosen - Math.log(den);
            }
            sum += (k == 0 || k == m - 1 ? 0.5 : 1) * Math.exp(logP - 0.5 * b * b) / Math.sqrt(2 * Math.PI) * h;
        }
        assertEquals(Math.log(sum), adaptive(one, 8), 1e-3);
    }

    @Test
    @DisplayName("60 people: adaptive converges by 12 points (change < 0.01) while plain Gauss-Hermite is far off")
    void convergesWherePlainHermiteDoesNot() {
        ChoiceData data = panel(60);
        double twelve = adaptive(data, 12);
        double sixteen = adaptive(data, 16);
        assertEquals(sixteen, twelve, 0.01);
        assertTrue(Math.abs(plain(data, 20) - sixteen) > 10, "plain 20-point Gauss-Hermite should be far off");
        assertTrue(Math.abs(plain(data, 100) - sixteen) > 0.5, "even 100-point Gauss-Hermite is still off");
    }

    @Test
    @DisplayName("the gradient is exact for the fixed adaptive nodes; non-normal coefficients are refused")
    void gradientAndLimits() {
        ChoiceData data = panel(10);
        try (SimulatedLogLikelihood ll = Simulators.likelihood(data, SPEC,
                AdaptiveQuadrature.rule(data, SPEC, THETA, 5), 1L << 30, 1)) {
            double[] g = new double[3];
            ll.valueAndGradient(THETA, g);
            for (int j = 0; j < 3; j++) {
                double[] plus = THETA.clone();
                double[] minus = THETA.clone();
                plus[j] += 1e-5;
                minus[j] -= 1e-5;
                assertEquals((ll.value(plus) - ll.value(minus)) / 2e-5, g[j], 1e-5 * Math.max(1, Math.abs(g[j])));
            }
        }
        ModelSpec lognormal = ModelSpec.builder().random("x", Distribution.LOGNORMAL).fixed("z").build();
        assertThrows(InvalidSpecificationException.class, () -> AdaptiveQuadrature.rule(data, lognormal, THETA, 3));
    }
}
