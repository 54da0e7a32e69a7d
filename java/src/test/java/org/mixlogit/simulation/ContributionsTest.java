package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/** Per-decision-maker contributions add up to the totals, and weights multiply each decision-maker's share. */
class ContributionsTest {
    private static final ModelSpec SPEC = ModelSpec.builder().random("x1", Distribution.NORMAL).fixed("x2")
            .random("x3", Distribution.LOGNORMAL).build();
    private static final double[] THETA = {0.5, -0.8, -0.4, 0.9, 0.6};

    @Test
    @DisplayName("sum of contributions and scores equals the log-likelihood and gradient")
    void contributionsSumToTotals() {
        ChoiceData data = SyntheticPanel.create(50, 3, true);
        try (SimulatedLogLikelihood ll = Simulators.likelihood(data, SPEC,
                IntegrationConfig.of(DrawType.MLHS, 30), 2)) {
            Contributions c = ll.contributions(THETA);
            double total = 0;
            double[] gradient = new double[THETA.length];
            for (int n = 0; n < c.decisionMakerCount(); n++) {
                total += c.logLikelihood(n);
                for (int j = 0; j < THETA.length; j++) {
                    gradient[j] += c.score(n, j);
                }
            }
            assertEquals(c.logLikelihood(), total, 1e-9);
            for (int j = 0; j < THETA.length; j++) {
                assertEquals(c.gradient()[j], gradient[j], 1e-9);
            }
        }
    }

    @Test
    @DisplayName("a weight of 3 on one decision-maker counts its contribution three times")
    void weightsMultiplyContributions() {
        ChoiceData plain = SyntheticPanel.create(30, 8, true);
        double[] rowWeights = new double[plain.rowCount()];
        int[] dmStart = plain.decisionMakerStartRef();
        int[] situationStart = plain.situationStartRef();
        for (int i = 0; i < rowWeights.length; i++) {
            rowWeights[i] = 1.0;
        }
        // decision-maker 4 in grouped order; rows are in input order already (the generator writes them grouped)
        for (int i = situationStart[dmStart[4]]; i < situationStart[dmStart[5]]; i++) {
            rowWeights[plain.sourceRow(i)] = 3.0;
        }
        ChoiceData weighted = SyntheticPanelWeights.withWeights(plain, rowWeights);
        IntegrationConfig config = IntegrationConfig.of(DrawType.HALTON, 20);
        try (SimulatedLogLikelihood a = Simulators.likelihood(plain, SPEC, config, 1);
                SimulatedLogLikelihood b = Simulators.likelihood(weighted, SPEC, config, 1)) {
            Contributions c = a.contributions(THETA);
            assertEquals(c.logLikelihood() + 2 * c.logLikelihood(4), b.value(THETA), 1e-9);
        }
    }
}
