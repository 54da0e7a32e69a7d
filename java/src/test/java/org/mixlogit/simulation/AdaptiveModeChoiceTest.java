package org.mixlogit.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.testdata.ModeChoicePanel;

/**
 * Adaptive Gauss-Hermite on a real transport-mode panel: Apollo's mode-choice data (500 people x 14 SP tasks,
 * unavailable modes dropped; shared/data/README.md data set 11), the vignette's MNL with the bus, air and rail
 * constants and the cost coefficient normal (three random dimensions).
 *
 * <p>What was found: with one random coefficient (cost, or one travel time) plain Gauss-Hermite is within 0.01
 * of the integral by 20-50 points at the maximum, so the effect the issue describes needs more dimensions. With
 * three, at the maximum found by adaptive estimation (below, rounded to six digits), plain Gauss-Hermite is
 * -5431.58 with 6 x 6 x 6 = 216 nodes (8 units off), -5424.73 with 1,000 and still -5423.516 with 27,000
 * (changing by 0.013 between 24 and 30 points per dimension), while adaptive Gauss-Hermite gives -5423.5059,
 * -5423.5041 and -5423.5039 with 10, 12 and 16 points per dimension. Convergence of the adaptive rule is slower
 * than on the synthetic sharp panel (people who always take the cheapest or the same mode have one-sided,
 * far from normal posteriors): it moves by 0.02 between 6 and 7 points and settles below 0.01 from 8 on.
 */
class AdaptiveModeChoiceTest {
    private static ChoiceData data;
    private static final ModelSpec SPEC = ModelSpec.builder().fixed("asc_bus").random("asc_air", Distribution.NORMAL)
            .random("asc_rail", Distribution.NORMAL).fixed("tt_car").fixed("tt_bus").fixed("tt_air").fixed("tt_rail")
            .random("cost", Distribution.NORMAL).build();
    /** asc_bus, asc_air, asc_rail, tt_car, tt_bus, tt_air, tt_rail, cost, sd.asc_air, sd.asc_rail, sd.cost. */
    private static final double[] THETA = {0.585243, -1.242775, -1.373970, -0.0125024, -0.0219670, -0.0116700,
        -0.00775903, -0.0664827, 0.279243, 0.236471, 0.0362267};

    @BeforeAll
    static void load() {
        data = ModeChoicePanel.statedPreference();
    }

    private static double plain(int points) {
        try (SimulatedLogLikelihood ll = Simulators.likelihood(data, SPEC,
                IntegrationConfig.of(DrawType.GAUSS_HERMITE, points), 2)) {
            return ll.value(THETA);
        }
    }

    private static double adaptive(int points) {
        try (SimulatedLogLikelihood ll = Simulators.likelihood(data, SPEC,
                AdaptiveQuadrature.rule(data, SPEC, THETA, points), 1L << 30, 2)) {
            return ll.value(THETA);
        }
    }

    @Test
    @DisplayName("the data as converted reproduce Apollo's SP multinomial logit: LL -5802.0228")
    void multinomialLogitMatchesApollo() {
        assertEquals(7000, data.situationCount());
        assertEquals(500, data.decisionMakerCount());
        ModelSpec.Builder b = ModelSpec.builder();
        for (String a : ModeChoicePanel.ATTRIBUTES) {
            b.fixed(a);
        }
        // Apollo vignette estimates (asc_car = 0), LL -5802.0228
        double[] apollo = {0.011527, -0.649527, -1.235739, -0.010061, -0.016422, -0.011831, -0.004779, -0.052923};
        try (SimulatedLogLikelihood ll = Simulators.likelihood(data, b.build(),
                IntegrationConfig.of(DrawType.HALTON, 1), 2)) {
            assertEquals(-5802.0228, ll.value(apollo), 1e-3);
        }
    }

    @Test
    @DisplayName("3 random coefficients: adaptive converges by 10-12 points (< 0.01), plain GH 8 units off at 216 nodes")
    void adaptiveConvergesWherePlainHermiteIsFarOff() {
        double ten = adaptive(10);
        double twelve = adaptive(12);
        assertEquals(twelve, ten, 0.01);
        // large-node reference: plain Gauss-Hermite with 30^3 = 27,000 nodes, itself still converging (0.013 per
        // 6 points per dimension), -5423.516
        double reference = plain(30);
        assertEquals(reference, twelve, 0.02);
        assertEquals(-5423.504, twelve, 0.005);
        double small = plain(6);
        assertTrue(twelve - small > 5, "216-node Gauss-Hermite should be several units off: " + small);
        double same = plain(10);
        assertTrue(twelve - same > 1, "Gauss-Hermite with the adaptive rule's 1,000 nodes is still off: " + same);
    }
}
