package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.msm.InstrumentChoice;
import org.mixlogit.msm.MsmConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/** Re-estimation with independent draw sets measures how much each estimate and standard error depends on them. */
class SimulationNoiseTest {
    private static final ChoiceData DATA = ParameterRecoveryTest.simulate(300, 4, 3, 23);
    private static final ModelSpec SPEC = ModelSpec.builder().fixed("price").random("quality", Distribution.NORMAL)
            .fixed("comfort").build();

    private static EstimationResult fit(int draws, int reestimations) {
        return new MsleEstimator(EstimatorConfig.defaults().withThreads(2)
                .withDiagnostics(DiagnosticsConfig.defaults().withReestimations(reestimations))
                .withIntegration(IntegrationConfig.of(DrawType.MLHS, draws))).estimate(DATA, SPEC);
    }

    @Test
    @DisplayName("noise shrinks with more draws; flags compare it with the standard error; JSON and table carry it")
    void noiseShrinksWithDraws() {
        EstimationResult few = fit(5, 4);
        EstimationResult many = fit(200, 4);
        SimulationNoise a = few.simulationNoise().get();
        SimulationNoise b = many.simulationNoise().get();
        assertEquals(4, a.reestimations());
        assertEquals(few.names().size() + few.derived().size(), a.names().size());
        int sd = few.names().indexOf("sd.quality");
        assertTrue(a.estimateSd()[sd] > b.estimateSd()[sd], a.estimateSd()[sd] + " vs " + b.estimateSd()[sd]);
        assertTrue(a.estimateSd()[sd] > 0);
        for (int i = 0; i < a.names().size(); i++) {
            assertEquals(a.estimateSd()[i] > 0.1 * a.standardError()[i], a.flagged(i));
        }
        assertEquals(few.standardErrors()[0], a.standardError()[0], 0.0);
        assertTrue(org.mixlogit.report.ResultJson.write(few).contains("\"stderrSimulationSd\""));
        assertTrue(org.mixlogit.report.ResultTable.format(few).contains("Simulation noise over 4 re-estimations"));
        assertTrue(fit(20, 0).simulationNoise().isEmpty());
    }

    @Test
    @DisplayName("the shared tail runs the study for MSM too: re-estimated by MSM, noise beside the GMM errors")
    void msmThroughTheSharedTail() {
        EstimatorConfig config = EstimatorConfig.defaults().withThreads(2)
                .withDiagnostics(DiagnosticsConfig.defaults().withReestimations(3))
                .withIntegration(IntegrationConfig.of(DrawType.MLHS, 5))
                .withMethod(MethodConfig.msm(MsmConfig.defaults().withInstruments(InstrumentChoice.DEFAULT)));
        EstimationResult r = new MsmEstimator(config).estimate(DATA, SPEC);
        SimulationNoise noise = r.simulationNoise().get();
        assertEquals(3, noise.reestimations());
        assertEquals(r.standardErrors()[0], noise.standardError()[0], 0.0);
        assertEquals(org.mixlogit.inference.CovarianceType.GMM, r.covarianceType());
        assertTrue(noise.estimateSd()[r.names().indexOf("sd.quality")] > 0);
        assertTrue(r.gmm().isPresent());
    }
}
