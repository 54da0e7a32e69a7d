package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * Data simulated from known parameters (3,000 decision-makers, 6 situations each, 3 alternatives; price fixed,
 * quality normal, a lognormal comfort coefficient) are estimated back within their 99.9% confidence intervals.
 */
class ParameterRecoveryTest {
    private static final double[] TRUTH = {-1.0, 0.8, -0.5, 1.2, 0.6};

    @Test
    @DisplayName("MSLE recovers the parameters that generated the data")
    void recoversTruth() {
        ChoiceData data = simulate(3000, 6, 3, 99);
        ModelSpec spec = ModelSpec.builder().fixed("price").random("quality", Distribution.NORMAL)
                .random("comfort", Distribution.LOGNORMAL).build();
        EstimatorConfig config = EstimatorConfig.defaults().withThreads(2)
                .withInference(InferenceConfig.defaults().withLevel(99.9))
                .withIntegration(IntegrationConfig.of(DrawType.SOBOL, 200));
        EstimationResult r = new MsleEstimator(config).estimate(data, spec);
        assertTrue(r.isConverged(), r.message());
        List<CoefficientEstimate> c = r.coefficients();
        for (int i = 0; i < TRUTH.length; i++) {
            double estimate = c.get(i).estimate();
            double lower = c.get(i).lower();
            double upper = c.get(i).upper();
            if (c.get(i).name().startsWith("sd.") && estimate < 0) {
                estimate = -estimate;
                double l = -upper;
                upper = -lower;
                lower = l;
            }
            assertTrue(lower <= TRUTH[i] && TRUTH[i] <= upper, c.get(i).name() + ": truth " + TRUTH[i]
                    + " outside [" + lower + ", " + upper + "], estimate " + estimate);
            assertTrue(c.get(i).standardError() < 0.2, c.get(i).name() + " s.e. " + c.get(i).standardError());
        }
    }

    /** price ~ U(1,3), quality ~ N(0,1), comfort ~ Bernoulli(.5); beta_quality ~ N(.8, 1.2), comfort ~ LN(-.5, .6). */
    static ChoiceData simulate(int people, int situations, int alternatives, long seed) {
        Random random = new Random(seed);
        int rows = people * situations * alternatives;
        long[] sit = new long[rows];
        long[] id = new long[rows];
        double[] chosen = new double[rows];
        double[] price = new double[rows];
        double[] quality = new double[rows];
        double[] comfort = new double[rows];
        int at = 0;
        for (int n = 0; n < people; n++) {
            double bq = TRUTH[1] + TRUTH[3] * random.nextGaussian();
            double bc = Math.exp(TRUTH[2] + TRUTH[4] * random.nextGaussian());
            for (int t = 0; t < situations; t++) {
                int best = -1;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < alternatives; j++) {
                    int i = at + j;
                    sit[i] = (long) n * situations + t;
                    id[i] = n;
                    price[i] = 1 + 2 * random.nextDouble();
                    quality[i] = random.nextGaussian();
                    comfort[i] = random.nextInt(2);
                    double u = TRUTH[0] * price[i] + bq * quality[i] + bc * comfort[i]
                            - Math.log(-Math.log(random.nextDouble()));
                    if (u > max) {
                        max = u;
                        best = i;
                    }
                }
                chosen[best] = 1;
                at += alternatives;
            }
        }
        return ChoiceData.builder().situations(sit).decisionMakers(id).chosen(chosen).attribute("price", price)
                .attribute("quality", quality).attribute("comfort", comfort).build();
    }
}
