package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/** The integration check re-evaluates the log-likelihood at the estimate with other draws and a better rule. */
class IntegrationCheckTest {
    private static final ChoiceData DATA = ParameterRecoveryTest.simulate(200, 4, 3, 17);
    private static final ModelSpec SPEC = ModelSpec.builder().fixed("price").random("quality", Distribution.NORMAL)
            .fixed("comfort").build();

    @Test
    @DisplayName("Halton: scrambled replicates differ, the accurate rule has 4x the draws, values are exact")
    void simulationDraws() {
        EstimatorConfig config = EstimatorConfig.defaults().withThreads(2)
                .withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(4))
                .withIntegration(IntegrationConfig.of(DrawType.HALTON, 30));
        EstimationResult r = new MsleEstimator(config).estimate(DATA, SPEC);
        IntegrationCheck check = r.integrationCheck().get();
        double[] values = check.replicates();
        assertEquals(4, values.length);
        assertNotEquals(values[0], values[1]);
        assertTrue(check.replicateStandardDeviation() > 0);
        assertTrue(check.accurateRule().startsWith("halton, 120 draws"), check.accurateRule());
        try (SimulatedLogLikelihood ll = Simulators.likelihood(DATA, SPEC,
                IntegrationConfig.of(DrawType.HALTON, 120), 1)) {
            assertEquals(ll.value(r.estimates()), check.accurateLogLikelihood(), 0.0);
        }
        assertEquals(check.accurateLogLikelihood() - r.logLikelihood(), check.accurateDifference(), 1e-12);
        assertTrue(org.mixlogit.report.ResultJson.write(r).contains("\"replicateSd\""));
        assertTrue(org.mixlogit.report.ResultTable.format(r).contains("Integration check"));
    }

    @Test
    @DisplayName("quadrature: no replicates, the accurate rule has 10 more points; off by default")
    void quadrature() {
        EstimatorConfig config = EstimatorConfig.defaults().withThreads(2)
                .withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(3))
                .withIntegration(IntegrationConfig.of(DrawType.GAUSS_HERMITE, 12));
        EstimationResult r = new MsleEstimator(config).estimate(DATA, SPEC);
        assertEquals(0, r.integrationCheck().get().replicates().length);
        assertTrue(r.integrationCheck().get().accurateRule().contains("22 points"),
                r.integrationCheck().get().accurateRule());
        try (SimulatedLogLikelihood ll = Simulators.likelihood(DATA, SPEC,
                IntegrationConfig.of(DrawType.GAUSS_HERMITE, 22), 1)) {
            assertEquals(ll.value(r.estimates()) - r.logLikelihood(), r.integrationCheck().get().accurateDifference(),
                    1e-9);
        }
        assertTrue(new MsleEstimator(EstimatorConfig.defaults().withThreads(2)).estimate(DATA, SPEC)
                .integrationCheck().isEmpty());
    }
}
