package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/** Integrated choice probabilities: the logit closed form without random coefficients, and consistency with LL. */
class ProbabilitiesTest {

    @Test
    @DisplayName("all fixed: P_j = exp(V_j) / sum exp(V_i)")
    void closedForm() {
        ChoiceData data = SyntheticPanel.create(30, 4, true);
        ModelSpec spec = ModelSpec.builder().fixed("x1").fixed("x2").build();
        double[] beta = {0.7, -1.1};
        try (SimulatedLogLikelihood ll = Simulators.likelihood(data, spec, IntegrationConfig.of(DrawType.HALTON,
                10), 2)) {
            double[] p = ll.probabilities(beta);
            int[] start = data.situationStartRef();
            int x1 = data.attributeIndex("x1");
            int x2 = data.attributeIndex("x2");
            for (int s = 0; s < data.situationCount(); s++) {
                double den = 0;
                for (int i = start[s]; i < start[s + 1]; i++) {
                    den += Math.exp(beta[0] * data.attribute(i, x1) + beta[1] * data.attribute(i, x2));
                }
                for (int i = start[s]; i < start[s + 1]; i++) {
                    double expected = Math.exp(beta[0] * data.attribute(i, x1) + beta[1] * data.attribute(i, x2)) / den;
                    assertEquals(expected, p[i], 1e-14);
                }
            }
        }
    }

    @Test
    @DisplayName("cross-section: probabilities sum to one and log P(chosen) adds up to the log-likelihood")
    void matchesLikelihood() {
        ChoiceData data = SyntheticPanel.create(80, 9, false);
        ModelSpec spec = ModelSpec.builder().random("x1", Distribution.NORMAL).random("x2", Distribution.LOGNORMAL)
                .fixed("x3").build();
        double[] theta = {0.4, -0.3, 0.8, 1.3, 0.5};
        try (SimulatedLogLikelihood ll = Simulators.likelihood(data, spec, IntegrationConfig.of(DrawType.MLHS,
                50), 2)) {
            double[] p = ll.probabilities(theta);
            int[] start = data.situationStartRef();
            double total = 0;
            for (int s = 0; s < data.situationCount(); s++) {
                double sum = 0;
                for (int i = start[s]; i < start[s + 1]; i++) {
                    sum += p[i];
                }
                assertEquals(1.0, sum, 1e-12);
                total += Math.log(p[data.chosenRowRef()[s]]);
            }
            assertEquals(ll.value(theta), total, 1e-9);
        }
    }
}
