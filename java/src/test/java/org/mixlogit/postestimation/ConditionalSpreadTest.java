package org.mixlogit.postestimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * The conditional standard deviation of a fixed coefficient is exactly zero and its conditional mean the estimate,
 * for every rule with equal or unequal weights. Computed as E[b^2] - E[b]^2 it came out as 1e-7 for a coefficient of
 * about -9 (found through the command line's conditional --csv), which readers take for a real spread.
 */
class ConditionalSpreadTest {
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DrawType.class, names = {"HALTON", "GAUSS_HERMITE", "SPARSE_GRID", "ADAPTIVE_GH"})
    void fixedCoefficientHasNoConditionalSpread(DrawType type) {
        Random random = new Random(7);
        int people = 12;
        int rows = people * 3 * 3;
        long[] situation = new long[rows];
        long[] person = new long[rows];
        double[] chosen = new double[rows];
        double[] price = new double[rows];
        double[] quality = new double[rows];
        for (int i = 0; i < rows; i++) {
            situation[i] = i / 3 + 1;
            person[i] = i / 9 + 1;
            price[i] = 0.1 * (i % 3) + 0.01 * random.nextDouble();
            quality[i] = random.nextGaussian();
            chosen[i] = i % 3 == random.nextInt(3) ? 1 : 0;
        }
        for (int s = 0; s < rows / 3; s++) {
            double total = chosen[3 * s] + chosen[3 * s + 1] + chosen[3 * s + 2];
            if (total != 1) {
                chosen[3 * s] = 1;
                chosen[3 * s + 1] = 0;
                chosen[3 * s + 2] = 0;
            }
        }
        ChoiceData data = ChoiceData.builder().situations(situation).decisionMakers(person).chosen(chosen)
                .attribute("price", price).attribute("quality", quality).build();
        ModelSpec spec = ModelSpec.builder().fixed("price").random("quality", Distribution.NORMAL).build();
        double[] theta = {-9.3, 0.8, 1.7};
        double[] v = new double[9];
        java.util.Arrays.fill(v, Double.NaN);
        FittedModel model = new FittedModel(spec, theta, v, "hessian",
                IntegrationConfig.of(type, type.isSimulation() ? 50 : 5), 95, 1);
        ConditionalCoefficients c = new PostEstimation(model, data, PostEstimationOptions.defaults()).conditionals();
        for (int n = 0; n < people; n++) {
            assertEquals(0.0, c.sd(n, 0), 0.0, "person " + n);
            assertEquals(-9.3, c.mean(n, 0), 0.0, "person " + n);
            assertTrue(c.sd(n, 1) > 0.1 && c.sd(n, 1) < 1.7, "the random coefficient's spread " + c.sd(n, 1));
        }
    }
}
