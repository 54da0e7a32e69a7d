package org.mixlogit.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.math.NormalQuantile;

/** Modified Latin hypercube draws: one uniform per stratum per dimension, shuffled, order independent. */
class MlhsDrawsTest {
    private static final int R = 50;
    private static final int D = 3;

    private static MlhsDraws rule(long seed) {
        return new MlhsDraws(IntegrationConfig.of(DrawType.MLHS, R).withSeed(seed), D);
    }

    private static double[] nodesOf(NodeCursor cursor, int decisionMaker) {
        double[] nodes = new double[R * D];
        cursor.fill(decisionMaker, nodes, new double[R]);
        return nodes;
    }

    /** The stratum index floor(R Phi(z)) of each node of dimension k, in node order. */
    private static int[] strata(double[] nodes, int k) {
        int[] strata = new int[R];
        for (int r = 0; r < R; r++) {
            strata[r] = (int) Math.floor(NormalQuantile.cdf(nodes[r * D + k]) * R);
        }
        return strata;
    }

    @Test
    @DisplayName("each dimension has exactly one uniform in each [r/R, (r+1)/R)")
    void oneDrawPerStratum() {
        NodeCursor cursor = rule(12345L).newCursor();
        int[] all = new int[R];
        for (int r = 0; r < R; r++) {
            all[r] = r;
        }
        for (int n = 0; n < 20; n++) {
            double[] nodes = nodesOf(cursor, n);
            for (int k = 0; k < D; k++) {
                int[] sorted = strata(nodes, k);
                Arrays.sort(sorted);
                assertArrayEquals(all, sorted, "decision-maker " + n + ", dimension " + k);
            }
        }
    }

    @Test
    @DisplayName("the strata are shuffled, independently across dimensions")
    void strataAreShuffled() {
        double[] nodes = nodesOf(rule(12345L).newCursor(), 0);
        int[] first = strata(nodes, 0);
        int[] sorted = first.clone();
        Arrays.sort(sorted);
        assertFalse(Arrays.equals(sorted, first), "dimension 0 is in stratum order");
        assertFalse(Arrays.equals(first, strata(nodes, 1)), "dimensions 0 and 1 share one permutation");
    }

    @Test
    @DisplayName("the same seed reproduces the draws, another seed changes them")
    void reproducibleBySeed() {
        assertArrayEquals(nodesOf(rule(4L).newCursor(), 6), nodesOf(rule(4L).newCursor(), 6), 0.0);
        assertNotEquals(nodesOf(rule(4L).newCursor(), 6)[0], nodesOf(rule(5L).newCursor(), 6)[0]);
    }

    @Test
    @DisplayName("visiting order and cursor do not matter")
    void orderIndependent() {
        MlhsDraws rule = rule(12345L);
        NodeCursor forward = rule.newCursor();
        NodeCursor backward = rule.newCursor();
        double[] zero = nodesOf(forward, 0);
        double[] many = nodesOf(forward, 1000);
        assertArrayEquals(many, nodesOf(backward, 1000), 0.0);
        assertArrayEquals(zero, nodesOf(backward, 0), 0.0);
    }

    @Test
    @DisplayName("decision-makers get different shifts and orders")
    void differsBetweenDecisionMakers() {
        NodeCursor cursor = rule(12345L).newCursor();
        double[] a = nodesOf(cursor, 0);
        double[] b = nodesOf(cursor, 1);
        for (int k = 0; k < D; k++) {
            double shiftA = NormalQuantile.cdf(a[k]) * R % 1;
            double shiftB = NormalQuantile.cdf(b[k]) * R % 1;
            assertTrue(Math.abs(shiftA - shiftB) > 1e-6, "dimension " + k + " has the same shift");
            assertFalse(Arrays.equals(strata(a, k), strata(b, k)), "dimension " + k + " has the same order");
        }
    }

    @Test
    @DisplayName("weights are 1/R and describe echoes the configuration")
    void weightsAndDescription() {
        MlhsDraws rule = rule(12345L);
        double[] weights = new double[R];
        rule.newCursor().fill(0, new double[R * D], weights);
        for (double w : weights) {
            assertEquals(1.0 / R, w, 0.0);
        }
        assertEquals("mlhs, 50 draws, seed 12345", rule.describe());
    }
}
