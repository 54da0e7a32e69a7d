package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * A sparse grid's negative weights can make an integrated probability negative. It must never reach a logarithm:
 * the evaluation returns NaN (so an optimizer backs off) and says which decision-maker and what to change.
 */
class NegativeWeightTest {

    @Test
    @DisplayName("a negative integrated probability gives NaN and a message naming the decision-maker")
    void negativeProbabilityIsReported() {
        // one person, 40 binary choices: for each of the two attributes, 10 situations choosing the alternative
        // with it and 10 choosing the one without. Its likelihood peaks where both coefficients are near 0; with
        // beta1 = -4 + 4 z1 and beta2 = 4 z2 that is the node (1, 0), whose weight in the level-3 grid of
        // Gauss-Hermite rules is -1/2.
        int situations = 40;
        long[] sit = new long[2 * situations];
        long[] id = new long[2 * situations];
        double[] chosen = new double[2 * situations];
        double[] x1 = new double[2 * situations];
        double[] x2 = new double[2 * situations];
        for (int t = 0; t < situations; t++) {
            sit[2 * t] = t;
            sit[2 * t + 1] = t;
            id[2 * t] = 42;
            id[2 * t + 1] = 42;
            boolean first = t < 20;
            x1[2 * t] = first ? 1 : 0;
            x2[2 * t] = first ? 0 : 1;
            chosen[t % 20 < 10 ? 2 * t : 2 * t + 1] = 1;
        }
        ChoiceData data = ChoiceData.builder().situations(sit).decisionMakers(id).chosen(chosen).attribute("x1", x1)
                .attribute("x2", x2).build();
        ModelSpec spec = ModelSpec.builder().random("x1", Distribution.NORMAL).random("x2", Distribution.NORMAL)
                .build();
        try (SimulatedLogLikelihood ll = Simulators.likelihood(data, spec,
                IntegrationConfig.of(DrawType.SPARSE_GRID_GH, 3), 1)) {
            double value = ll.value(new double[] {-4, 0, 4, 4});
            assertTrue(Double.isNaN(value), "value " + value);
            String why = ll.lastFailure();
            assertTrue(why.contains("decision-maker 42") && why.contains("Raise the sparse-grid level"), why);
            double[] gradient = new double[4];
            assertTrue(Double.isNaN(ll.valueAndGradient(new double[] {-4, 0, 4, 4}, gradient)));
            assertTrue(Double.isFinite(ll.value(new double[] {0.1, 0.1, 0.3, 0.3})));
            assertNull(ll.lastFailure());
        }
    }
}
