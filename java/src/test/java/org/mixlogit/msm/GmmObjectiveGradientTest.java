package org.mixlogit.msm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixlogit.bench.SimulatedChoices;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.simulation.SimulatedShares;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * The analytic gradient of the GMM criterion c g'Wg (2c G'Wg with G from the simulator's exact derivatives)
 * equals central finite differences, for over-identified default instruments with the identity and with an
 * efficient (dense) weighting matrix, in a panel and a cross-section.
 */
class GmmObjectiveGradientTest {
    @ParameterizedTest(name = "{0} people x {1} situations, {2} weighting")
    @CsvSource({"150, 3, identity", "150, 3, efficient", "400, 1, identity", "400, 1, efficient"})
    @DisplayName("GMM gradient = central finite differences")
    void gradientMatchesFiniteDifferences(int people, int situations, String weighting) {
        ChoiceData data = SimulatedChoices.generate(people, situations, SimulatedChoices.TRUTH, 5);
        ModelSpec spec = ModelSpec.builder().fixed("price").random("quality", Distribution.NORMAL)
                .fixed("rare").build();
        try (SimulatedShares shares = Simulators.shares(data, spec, IntegrationConfig.of(DrawType.MLHS, 20), 2)) {
            Instruments z = Instruments.defaults(data, spec);
            SimulatedMoments moments = new SimulatedMoments(shares, z);
            int l = z.count();
            double[] theta = {-0.7, 0.6, -2.0, 1.1};
            double[] w = new double[l * l];
            double scale;
            if (weighting.equals("identity")) {
                for (int a = 0; a < l; a++) {
                    w[a * l + a] = 1.0;
                }
                scale = moments.weightSum();
            } else {
                moments.evaluate(theta, false);
                w = org.mixlogit.inference.PositiveDefinite.inverse(moments.momentCovariance(), l);
                scale = 1.0;
            }
            GmmObjective q = new GmmObjective(moments, w, scale);
            double[] analytic = new double[theta.length];
            double value = q.valueAndGradient(theta, analytic);
            assertTrue(value > 1, "the test point is away from the minimum: Q = " + value);
            for (int j = 0; j < theta.length; j++) {
                double h = 1e-6 * Math.max(1.0, Math.abs(theta[j]));
                double[] plus = theta.clone();
                double[] minus = theta.clone();
                plus[j] += h;
                minus[j] -= h;
                double numeric = (q.value(plus) - q.value(minus)) / (2 * h);
                double error = Math.abs(analytic[j] - numeric) / Math.max(1.0, Math.abs(numeric));
                assertTrue(error < 1e-6, spec.layout().names().get(j) + ": analytic " + analytic[j] + ", numeric "
                        + numeric + ", relative error " + error + " (instruments " + z.names() + ")");
            }
            assertTrue(Arrays.stream(analytic).map(Math::abs).max().getAsDouble() > 1e-2,
                    "gradient " + Arrays.toString(analytic));
            assertTrue(l > theta.length, "over-identified: " + z.names());
        }
    }
}
