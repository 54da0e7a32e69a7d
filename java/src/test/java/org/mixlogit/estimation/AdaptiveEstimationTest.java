package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.testdata.SharpPanel;

/** Estimation with adaptive Gauss-Hermite: nodes re-centred at each estimate until the log-likelihood settles. */
class AdaptiveEstimationTest {

    /** 80 people x 20 choices among 3 alternatives; beta_x ~ N(1, 2^2), beta_z = 0.5. */
    private static ChoiceData panel() {
        return SharpPanel.create(80, 20, 1.0, 2.0, 8);
    }

    private static EstimationResult fit(ChoiceData data, DrawType type, int size) {
        ModelSpec spec = ModelSpec.builder().random("x", Distribution.NORMAL).fixed("z").build();
        return new MsleEstimator(EstimatorConfig.defaults().withThreads(2).withDiagnostics(DiagnosticsConfig.defaults().withCheckReplicates(1))
                .withIntegration(IntegrationConfig.of(type, size))).estimate(data, spec);
    }

    @Test
    @DisplayName("agh with 10 and 16 points reach the same maximum; the integration check uses more points")
    void adaptiveEstimates() {
        ChoiceData data = panel();
        EstimationResult ten = fit(data, DrawType.ADAPTIVE_GH, 10);
        EstimationResult sixteen = fit(data, DrawType.ADAPTIVE_GH, 16);
        assertTrue(ten.isConverged() && ten.isCertified(), ten.certification());
        assertEquals(sixteen.logLikelihood(), ten.logLikelihood(), 0.01);
        assertEquals(Math.abs(sixteen.estimate("sd.x")), Math.abs(ten.estimate("sd.x")), 2e-3);
        assertTrue(ten.integration().startsWith("adaptive gh, 10 points"), ten.integration());
        assertTrue(ten.integrationCheck().get().accurateRule().startsWith("adaptive gh, 14 points"));
        assertEquals(0.0, ten.integrationCheck().get().accurateDifference(), 0.01);
        // the truth: mean 1, sd 2
        assertEquals(1.0, ten.estimate("x"), 3 * ten.standardErrors()[0]);
    }
}
