package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.testdata.SharpPanel;

/**
 * Conditional means E[beta_n | y_n]: on simulated data they track each person's true coefficient, and their
 * average equals the estimated population mean up to simulation noise.
 */
class ConditionalCoefficientsTest {

    @Test
    @DisplayName("conditional means correlate with the true individual coefficients and average to the mean")
    void conditionalMeans() {
        int people = 300;
        ChoiceData data = SharpPanel.create(people, 20, 1.0, 1.5, 31);
        double[] truth = SharpPanel.coefficients(people, 20, 1.0, 1.5, 31);
        ModelSpec spec = ModelSpec.builder().random("x", Distribution.NORMAL).fixed("z").build();
        IntegrationConfig draws = IntegrationConfig.of(DrawType.SOBOL, 500);
        EstimationResult r = new MsleEstimator(EstimatorConfig.defaults().withThreads(2).withIntegration(draws))
                .estimate(data, spec);
        double[][] conditional;
        try (SimulatedLogLikelihood ll = Simulators.likelihood(data, spec, draws, 2)) {
            conditional = ll.conditionalCoefficients(r.estimates());
        }
        double[] means = new double[people];
        double average = 0;
        for (int n = 0; n < people; n++) {
            means[n] = conditional[0][n * 2];
            average += means[n] / people;
            assertTrue(conditional[1][n * 2] > 0 && conditional[1][n * 2] < Math.abs(r.estimate("sd.x")));
            assertEquals(r.estimate("z"), conditional[0][n * 2 + 1], 1e-12, "a fixed coefficient is not random");
        }
        assertTrue(new PearsonsCorrelation().correlation(means, truth) > 0.8);
        assertEquals(r.estimate("x"), average, 0.05);
    }
}
