package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.io.ExampleData;
import org.mixlogit.spec.ModelSpec;

/** Without random coefficients the simulated log-likelihood is the conditional logit's, in closed form. */
class PlainLogitTest {
    private static final String[] ELECTRICITY = {"pf", "cl", "loc", "wk", "tod", "seas"};

    @Test
    @DisplayName("log-likelihood equals a direct closed-form computation on ragged synthetic data")
    void matchesClosedForm() {
        ChoiceData data = SyntheticPanel.create(80, 5, true);
        ModelSpec spec = ModelSpec.builder().fixed("x1").fixed("x2").fixed("x3").fixed("asc").build();
        double[] beta = {0.4, -0.9, 0.7, -0.3};
        int[] columns = {data.attributeIndex("x1"), data.attributeIndex("x2"), data.attributeIndex("x3"),
            data.attributeIndex("asc")};
        double expected = 0;
        int[] start = data.situationStartRef();
        int[] chosen = data.chosenRowRef();
        for (int s = 0; s < data.situationCount(); s++) {
            double denominator = 0;
            double chosenUtility = 0;
            for (int i = start[s]; i < start[s + 1]; i++) {
                double u = 0;
                for (int c = 0; c < beta.length; c++) {
                    u += beta[c] * data.attribute(i, columns[c]);
                }
                denominator += Math.exp(u);
                if (i == chosen[s]) {
                    chosenUtility = u;
                }
            }
            expected += chosenUtility - Math.log(denominator);
        }
        try (SimulatedLogLikelihood ll = Simulators.likelihood(data, spec,
                IntegrationConfig.of(DrawType.HALTON, 50), 1)) {
            assertEquals(expected, ll.value(beta), 1e-10 * Math.abs(expected));
        }
    }

    @Test
    @DisplayName("Electricity: conditional logit at the clogit estimates gives LL -4958.64911934 and a zero gradient")
    void electricityConditionalLogit() {
        // R 4.2.2 survival::clogit on electricity_long.csv (shared/data/README.md, data set 1);
        // xlogit's test suite expects -4958.6491193376105.
        double[] mle = {-0.625228, -0.108299, 1.442243, 0.995504, -5.462759, -5.840031};
        ModelSpec.Builder b = ModelSpec.builder();
        for (String a : ELECTRICITY) {
            b.fixed(a);
        }
        try (SimulatedLogLikelihood ll = Simulators.likelihood(ExampleData.electricity(), b.build(),
                IntegrationConfig.of(DrawType.HALTON, 10), 2)) {
            double[] gradient = new double[6];
            assertEquals(-4958.64911934, ll.valueAndGradient(mle, gradient), 1e-6);
            for (int j = 0; j < 6; j++) {
                // estimates are rounded to 6 decimals, so the gradient is small but not exactly zero
                assertTrue(Math.abs(gradient[j]) < 0.5, ELECTRICITY[j] + " gradient " + gradient[j]);
            }
        }
    }
}
