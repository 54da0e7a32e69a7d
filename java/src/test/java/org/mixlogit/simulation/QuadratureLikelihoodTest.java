package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/** Quadrature rules reach the integral that many simulation draws approach, and their gradient is exact. */
class QuadratureLikelihoodTest {
    private static final ChoiceData DATA = SyntheticPanel.create(200, 31, false);
    private static final ModelSpec SPEC = ModelSpec.builder().random("x1", Distribution.NORMAL)
            .random("x2", Distribution.NORMAL).fixed("x3").build();
    private static final double[] THETA = {0.5, -0.7, 0.6, 0.8, 0.5};

    private static double value(IntegrationConfig config) {
        try (SimulatedLogLikelihood ll = Simulators.likelihood(DATA, SPEC, config, 2)) {
            return ll.value(THETA);
        }
    }

    @Test
    @DisplayName("Gauss-Hermite (40 x 40) and level-16 sparse grids (both families) agree with 200,000 Halton draws")
    void agreesWithManyDraws() {
        double reference = value(IntegrationConfig.of(DrawType.HALTON, 200_000).withCacheBytes(0));
        double gh = value(IntegrationConfig.of(DrawType.GAUSS_HERMITE, 40));
        double sparse = value(IntegrationConfig.of(DrawType.SPARSE_GRID_GH, 16));
        double nested = value(IntegrationConfig.of(DrawType.SPARSE_GRID, 16));
        assertEquals(reference, gh, 1e-3);
        assertEquals(reference, sparse, 1e-3);
        assertEquals(reference, nested, 1e-3);
        // a coarse rule is visibly off: the test can tell rules apart
        assertTrue(Math.abs(value(IntegrationConfig.of(DrawType.GAUSS_HERMITE, 5)) - reference) > 1e-3);
    }

    @ParameterizedTest(name = "{0} level 5")
    @EnumSource(value = DrawType.class, names = {"SPARSE_GRID", "SPARSE_GRID_GH"})
    @DisplayName("the analytic gradient with sparse-grid weights (some negative) equals finite differences")
    void gradientWithNegativeWeights(DrawType type) {
        try (SimulatedLogLikelihood ll = Simulators.likelihood(DATA, SPEC,
                IntegrationConfig.of(type, 5), 1)) {
            double[] g = new double[THETA.length];
            ll.valueAndGradient(THETA, g);
            for (int j = 0; j < THETA.length; j++) {
                double h = 1e-5;
                double[] plus = THETA.clone();
                double[] minus = THETA.clone();
                plus[j] += h;
                minus[j] -= h;
                double numeric = (ll.value(plus) - ll.value(minus)) / (2 * h);
                assertEquals(numeric, g[j], 1e-6 * Math.max(1, Math.abs(numeric)), ll.layout().names().get(j));
            }
        }
    }
}
