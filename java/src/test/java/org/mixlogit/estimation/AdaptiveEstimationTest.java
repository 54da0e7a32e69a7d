package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/** Estimation with adaptive Gauss-Hermite: nodes re-centred at each estimate until the log-likelihood settles. */
class AdaptiveEstimationTest {

    /** 80 people x 20 choices among 3 alternatives; beta_x ~ N(1, 2^2), beta_z = 0.5. */
    private static ChoiceData panel() {
        Random random = new Random(8);
        int people = 80;
        int t = 20;
        int rows = people * t * 3;
        long[] situation = new long[rows];
        long[] id = new long[rows];
        double[] chosen = new double[rows];
        double[] x = new double[rows];
        double[] z = new double[rows];
        int at = 0;
        for (int n = 0; n < people; n++) {
            double b = 1 + 2 * random.nextGaussian();
            for (int s = 0; s < t; s++) {
                int best = -1;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < 3; j++) {
                    int i = at + j;
                    situation[i] = (long) n * t + s;
                    id[i] = n;
                    x[i] = random.nextGaussian();
                    z[i] = random.nextGaussian();
                    double u = b * x[i] + 0.5 * z[i] - Math.log(-Math.log(random.nextDouble()));
                    if (u > max) {
                        max = u;
                        best = i;
                    }
                }
                chosen[best] = 1;
                at += 3;
            }
        }
        return ChoiceData.builder().situations(situation).decisionMakers(id).chosen(chosen).attribute("x", x)
                .attribute("z", z).build();
    }

    private static EstimationResult fit(ChoiceData data, DrawType type, int size) {
        ModelSpec spec = ModelSpec.builder().random("x", Distribution.NORMAL).fixed("z").build();
        return new MsleEstimator(EstimatorConfig.defaults().withThreads(2).withCheckReplicates(1)
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
        assertTrue(ten.integrationCheck().accurateRule().startsWith("adaptive gh, 14 points"));
        assertEquals(0.0, ten.integrationCheck().accurateDifference(), 0.01);
        // the truth: mean 1, sd 2
        assertEquals(1.0, ten.estimate("x"), 3 * ten.standardErrors()[0]);
    }
}
