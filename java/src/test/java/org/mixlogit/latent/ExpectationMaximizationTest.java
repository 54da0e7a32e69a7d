package org.mixlogit.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.simulation.SimulatedLogLikelihood;
import org.mixlogit.simulation.Simulators;
import org.mixlogit.spec.ModelSpec;

/**
 * The EM algorithm: its log-likelihood is the latent class simulator's, it never decreases from any start (with
 * class-share characteristics and a common coefficient), and its M-step of a hard assignment fits each group.
 */
class ExpectationMaximizationTest {
    private static final ChoiceData DATA = LatentClassData.simulate(300, 6, 3,
            new double[][] {{1.5, -1.0, 0.5}, {-0.5, 0.3, 0.5}, {0.2, -2.0, 0.5}},
            new double[][] {{-0.3, 0.8}, {-0.6, -0.5}}, 3L);
    private static final ModelSpec SPEC = ModelSpec.builder().fixed("x1").fixed("x2").fixed("x3")
            .latentClasses(3, List.of("z", "female"), List.of("x3")).build();

    @Test
    @DisplayName("EM's log-likelihood equals the simulator's; its trace never decreases, from ten starts")
    void monotone() {
        ExpectationMaximization em = new ExpectationMaximization(DATA, SPEC);
        List<double[]> starts = StartingPoints.of(em, new double[] {0.4, -0.9, 0.5}, 10, 7L);
        assertEquals(10, starts.size());
        try (SimulatedLogLikelihood ll = Simulators.likelihood(DATA, SPEC, IntegrationConfig.of(DrawType.HALTON, 1),
                1)) {
            for (double[] start : starts) {
                assertEquals(ll.value(start), em.logLikelihood(start), 1e-8);
                EmRun run = em.run(start, 200, 0);
                double[] trace = run.trace();
                assertEquals(201, trace.length);
                for (int i = 1; i < trace.length; i++) {
                    assertTrue(trace[i] >= trace[i - 1] - 1e-9 * Math.abs(trace[i]),
                            "iteration " + i + ": " + trace[i - 1] + " -> " + trace[i]);
                }
                assertTrue(trace[200] > trace[0] + 1, "EM moved: " + trace[0] + " -> " + trace[200]);
                assertEquals(ll.value(run.theta()), run.logLikelihood(), 1e-8);
            }
        }
    }

    @Test
    @DisplayName("posterior class probabilities sum to one per decision-maker; classes sort by share exactly")
    void posteriorsAndOrder() {
        ExpectationMaximization em = new ExpectationMaximization(DATA, SPEC);
        double[] theta = em.run(StartingPoints.of(em, new double[] {0.4, -0.9, 0.5}, 1, 7L).get(0), 100, 0)
                .theta();
        double[] h = em.posteriors(theta);
        for (int n = 0; n < DATA.decisionMakerCount(); n++) {
            assertEquals(1.0, h[3 * n] + h[3 * n + 1] + h[3 * n + 2], 1e-12);
        }
        double[] zbar = ClassShares.meanCharacteristics(DATA, SPEC.latentClasses());
        int[] reversed = {2, 1, 0};
        double[] permuted = ClassShares.permuted(SPEC, theta, reversed);
        assertEquals(em.logLikelihood(theta), em.logLikelihood(permuted), 1e-9);
        double[] sorted = ClassShares.sorted(SPEC, permuted, zbar);
        double[] shares = ClassShares.at(SPEC, sorted, zbar);
        assertTrue(shares[0] >= shares[1] && shares[1] >= shares[2], java.util.Arrays.toString(shares));
        assertEquals(em.logLikelihood(theta), em.logLikelihood(sorted), 1e-9);
    }
}
